package dev.crossbuild.core;

/** The plugin or the machine failed: a process could not start, I/O, a timeout, an interrupt. */
public class MachineException extends CrossbuildException {

    public MachineException(String message) {
        super(message, null);
    }

    public MachineException(String message, Throwable cause) {
        super(message, cause);
    }
}
