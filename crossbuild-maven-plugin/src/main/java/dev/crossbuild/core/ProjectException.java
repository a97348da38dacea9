package dev.crossbuild.core;

/** The user's project is wrong: bad configuration, a missing toolchain piece, a compile error. */
public class ProjectException extends CrossbuildException {

    public ProjectException(String message) {
        super(message, null);
    }

    public ProjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
