package dev.crossbuild.jni;

import java.io.IOException;

/** A class file (in a directory or a jar) that the class reader cannot parse: truncated, corrupt or too new. */
public final class UnreadableClassException extends IOException {

    UnreadableClassException(String file, Throwable cause) {
        super(file + ": cannot read this class file (" + describe(cause) + "); it is truncated, corrupt or"
                + " newer than the class reader knows; rebuild it (mvn clean package)", cause);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
