package dev.crossbuild.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.WasmBuilds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's WASI runner as cargo starts it: a JVM of its own, on modules rustc built. */
class WasiMainTest {

    @Test
    void runsACommandWithItsArgumentsEnvironmentAndExitStatus(@TempDir Path dir) throws Exception {
        Path module = WasmBuilds.rustc(dir, "wasm32-wasi", """
                fn main() {
                    let args: Vec<String> = std::env::args().collect();
                    println!("args={:?} greeting={}", &args[1..], std::env::var("GREETING").unwrap_or_default());
                    std::fs::write("written.txt", "from wasm").unwrap();
                    std::process::exit(args.len() as i32);
                }
                """);
        Run run = run(dir, module, "GREETING", "hallo", "one", "two words");
        assertThat(run.exit).isEqualTo(3);
        assertThat(run.stdout).isEqualTo("args=[\"one\", \"two words\"] greeting=hallo\n");
        assertThat(Files.readString(dir.resolve("written.txt"))).isEqualTo("from wasm");
    }

    @Test
    void aPanicTrapsAndExitsAsAnAbortWould(@TempDir Path dir) throws Exception {
        Path module = WasmBuilds.rustc(dir, "wasm32-wasi", "fn main() { println!(\"before\"); panic!(\"boom\"); }");
        Run run = run(dir, module, "GREETING", "", new String[0]);
        assertThat(run.exit).isEqualTo(WasiMain.TRAPPED);
        assertThat(run.stdout).isEqualTo("before\n");
        assertThat(run.stderr).contains("panicked at 'boom'").contains("trapped: ");
    }

    @Test
    void aFileThatIsNoModuleCannotBeLoaded(@TempDir Path dir) throws Exception {
        Path notWasm = Files.writeString(dir.resolve("not.wasm"), "text");
        Run run = run(dir, notWasm, "GREETING", "", new String[0]);
        assertThat(run.exit).isEqualTo(WasiMain.UNLOADABLE);
        assertThat(run.stderr).contains("crossbuild-wasi: cannot read");
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run run(Path dir, Path module, String variable, String value, String... args) throws Exception {
        List<String> command = new ArrayList<>(WasiRuntime.command(dir.resolve("cache")));
        command.add(module.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put(variable, value);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
