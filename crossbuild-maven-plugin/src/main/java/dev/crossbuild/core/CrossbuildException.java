package dev.crossbuild.core;

/**
 * Base of the core's typed failures. The Maven edge translates them once:
 * {@link ProjectException} to a build failure, {@link MachineException} to an execution error.
 */
public abstract class CrossbuildException extends Exception {

    protected CrossbuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
