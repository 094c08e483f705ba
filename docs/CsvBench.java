// The CSV load of docs/benchmarks.md (e) in a fresh JVM: java -cp target/tunescope.jar docs/CsvBench.java FILE RUNS
// (DataLoader.load RUNS times; wall and process CPU time of each).
import org.tunescope.ml.data.DataLoader;
import java.nio.file.Path;
public class CsvBench {
  public static void main(String[] a) throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Integer.parseInt(a[1]); i++) {
      long t = System.nanoTime(), c = os.getProcessCpuTime();
      DataLoader.load(Path.of(a[0]));
      sb.append(String.format("%.0f ms wall / %.0f ms CPU; ", (System.nanoTime() - t) / 1e6, (os.getProcessCpuTime() - c) / 1e6));
    }
    System.out.println(sb);
  }
}
