package dev.crossbuild.process;

import dev.crossbuild.core.MachineException;
import java.util.List;

/** A process ran past its time limit and was stopped with every process it started. */
public class ProcessTimeoutException extends MachineException {

    private final String limit;
    private final List<String> tail;

    public ProcessTimeoutException(String message, String limit, List<String> tail) {
        super(message);
        this.limit = limit;
        this.tail = List.copyOf(tail);
    }

    /** The limit as a person reads it ({@code 2 min 0 s}). */
    public String limit() {
        return limit;
    }

    /** The last lines the process wrote, raw. */
    public List<String> tail() {
        return tail;
    }
}
