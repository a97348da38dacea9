package dev.crossbuild.process;

import dev.crossbuild.core.MachineException;

/** The program to run is not on the PATH of the environment it was to run in. */
public class ToolNotFoundException extends MachineException {

    private final String tool;

    public ToolNotFoundException(String tool, String message) {
        super(message);
        this.tool = tool;
    }

    public String tool() {
        return tool;
    }
}
