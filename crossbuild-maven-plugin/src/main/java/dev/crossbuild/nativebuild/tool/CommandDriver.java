package dev.crossbuild.nativebuild.tool;

import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.MachineException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** Any program, run in the output directory with the target's environment. */
final class CommandDriver implements ToolDriver {

    @Override
    public List<String> programs(List<String> args) {
        return List.of(args.get(0));
    }

    @Override
    public boolean programIsFirstArgument() {
        return true;
    }

    @Override
    public boolean asksVersion() {
        return false;
    }

    @Override
    public void build(ToolRun run) throws CrossbuildException {
        try {
            Files.createDirectories(run.output());
        } catch (IOException e) {
            throw new MachineException("could not create " + run.output() + ": " + e.getMessage(), e);
        }
        run.steps().run(run.args(), run.output());
    }
}
