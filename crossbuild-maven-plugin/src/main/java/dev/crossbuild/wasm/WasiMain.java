package dev.crossbuild.wasm;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a WASI preview 1 command module, as {@code wasmtime prog.wasm args…} would: the plugin's runner of
 * {@code wasm32-wasi} targets, which cargo starts for every test binary ({@code target.<triple>.runner}).
 * Chicory's compiler turns the module into JVM bytecode first (several times faster than its interpreter), kept
 * in {@link CompiledCache} so that a second run of the same module (a rerun of one test, {@code --list}) skips it.
 * The module sees its arguments (the file's name first), the environment, standard input and output, and the
 * current directory preopened as {@code .}. Exit status: the module's own, or 134 when it traps (a Rust panic
 * on wasm32 aborts, which ends in an {@code unreachable} trap), or 2 when it cannot be loaded.
 */
public final class WasiMain {

    /** The exit status of a module that trapped, as of a native program that aborted (128 + SIGABRT). */
    public static final int TRAPPED = 134;
    /** The exit status when the module cannot be read or linked. */
    public static final int UNLOADABLE = 2;
    /** The folder where compiled modules are kept for the next run of the same module (no cache without it). */
    public static final String CACHE_PROPERTY = "crossbuild.wasi.cache";

    private WasiMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: WasiMain <module.wasm> [args…]");
            System.exit(UNLOADABLE);
        }
        System.exit(run(Path.of(args[0]), List.of(args).subList(1, args.length), System.getenv()));
    }

    /** Runs the module to its end and returns its exit status. */
    static int run(Path module, List<String> args, Map<String, String> environment) {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        WasmModule parsed;
        try {
            parsed = Parser.parse(Files.readAllBytes(module));
        } catch (IOException | ChicoryException e) {
            System.err.println("crossbuild-wasi: cannot read " + module + ": " + e.getMessage());
            return UNLOADABLE;
        }
        List<String> argv = new ArrayList<>();
        argv.add(module.getFileName().toString());
        argv.addAll(args);
        WasiOptions.Builder options = WasiOptions.builder().withStdout(out).withStderr(err).withStdin(System.in)
                .withArguments(argv).withDirectory(".", Path.of("."));
        environment.forEach(options::withEnvironment);
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options.build()).build()) {
            ImportValues imports = ImportValues.builder().addFunction(wasi.toHostFunctions()).build();
            // instantiating runs the module's _start
            MachineFactoryCompiler.Builder compiler = MachineFactoryCompiler.builder(parsed);
            String cache = System.getProperty(CACHE_PROPERTY);
            if (cache != null && !cache.isEmpty()) {
                compiler = compiler.withCache(new CompiledCache(Path.of(cache)));
            }
            Instance.builder(parsed).withImportValues(imports).withMachineFactory(compiler.compile()).build();
            return 0;
        } catch (WasiExitException exit) {
            return exit.exitCode();
        } catch (TrapException trap) {
            flush(out);
            System.err.println("crossbuild-wasi: " + module.getFileName() + " trapped: " + trap.getMessage()
                    + " (a Rust panic aborts the whole module on wasm32)");
            return TRAPPED;
        } catch (ChicoryException | StackOverflowError e) {
            flush(out);
            System.err.println("crossbuild-wasi: " + module.getFileName() + " failed: " + e);
            return e instanceof StackOverflowError ? TRAPPED : UNLOADABLE;
        } finally {
            flush(out);
            flush(err);
        }
    }

    private static void flush(OutputStream stream) {
        try {
            stream.flush();
        } catch (IOException ignored) {
            // the reader went away; nothing left to tell it
        }
    }
}
