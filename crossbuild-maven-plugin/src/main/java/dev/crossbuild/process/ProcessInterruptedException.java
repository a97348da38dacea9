package dev.crossbuild.process;

import dev.crossbuild.core.MachineException;

/**
 * The build was interrupted while a process ran: the thread was interrupted, the JVM is shutting down
 * (Ctrl-C), or the process was stopped by SIGINT or SIGTERM from outside. The message names what was running.
 */
public class ProcessInterruptedException extends MachineException {

    public ProcessInterruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
