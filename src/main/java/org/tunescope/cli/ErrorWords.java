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
    return e.getMessage();
  }
}
