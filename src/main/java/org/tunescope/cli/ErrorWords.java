package org.tunescope.cli;

import org.tunescope.app.StudyRefusedException;
import org.tunescope.store.StoreException;
import org.tunescope.store.StoredRequest;

/** The command line's words for errors the layers below give without naming its commands and options. */
final class ErrorWords {

  private ErrorWords() {
  }

  static String of(Exception e) {
    if (e instanceof StoreException s && s.reason() == StoreException.Reason.UNKNOWN_STUDY) {
      return e.getMessage() + " (see: tunescope studies)";
    }
    if (e instanceof StudyRefusedException r) {
      return switch (r.reason()) {
        case DATA_CHANGED -> r.getMessage() + "; use --force to resume with it anyway";
        case DATA_MISSING -> r.getMessage() + "; put the file back there (a worker takes it with --data FILE)";
        case SPACE_CHANGED -> r.getMessage() + "; use --force to resume with the new one";
        case FINISHED -> r.getMessage() + "; continue it with: tunescope resume " + r.study()
            + ", or choose another --name";
        case OTHER_SEARCH -> {
          StoredRequest.Difference d = r.difference().orElseThrow();
          String setting = d.setting().equals(StoredRequest.FIX_OTHERS) ? "--fix-others" : d.setting();
          yield "study '" + r.study() + "' already exists with another search (this run asks for " + setting + " "
              + d.asked() + " instead of " + d.stored() + "); give another --name";
        }
      };
    }
    if (isFileProblem(e)) {
      return fileProblem(e instanceof java.io.UncheckedIOException u ? u.getCause() : (java.io.IOException) e);
    }
    return e.getMessage();
  }

  /** A file that cannot be read or written (missing, a folder, no permission, a full disk): not a bug. */
  static boolean isFileProblem(Exception e) {
    return e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException;
  }

  private static String fileProblem(java.io.IOException e) {
    if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
      String why = e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : e instanceof java.nio.file.FileAlreadyExistsException ? "it exists and is not a folder"
          : f.getReason() != null ? f.getReason() : "cannot be read or written";
      return "cannot use " + f.getFile() + ": " + why;
    }
    return "cannot read or write a file: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }
}
