package dev.crossbuild.cargotest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wine's lines (as wine 8 prints them) turned into what the binary lacked and the fix. */
class WineStartTest {

    private static final String MISSING = "0024:err:module:import_dll Library bcryptprimitives.dll (which is needed by"
            + " L\"Z:\\\\work\\\\target\\\\x86_64-pc-windows-gnullvm\\\\debug\\\\deps\\\\hello-1a2b.exe\") not found";
    private static final String STATUS = "0024:err:module:LdrInitializeThunk Importing dlls for L\"Z:\\\\work\\\\hello.exe\""
            + " failed, status c0000135";

    @Test
    void aMissingDllIsNamedWithTheBinaryAndTheFix() {
        Optional<String> why = WineStart.explain(List.of("0050:err:systray:initialize_systray Could not create tray window",
                MISSING, STATUS));
        assertEquals("the test binary could not start under wine: wine has no bcryptprimitives.dll (imported by"
                + " hello-1a2b.exe). Rust 1.78 and later import ProcessPrng from bcryptprimitives.dll, which wine"
                + " provides from 9.0 on: run the tests with wine 9 or newer, put a bcryptprimitives.dll that provides"
                + " ProcessPrng in a folder named by WINEPATH, or set <runner>none</runner> on the target to build"
                + " without running", why.orElseThrow());
    }

    @Test
    void aMissingFunctionIsNamed() {
        String why = WineStart.explain(List.of("wine: Call from 000000017002D3F8 to unimplemented function"
                + " bcryptprimitives.dll.ProcessPrng, aborting", "wine: Unimplemented function"
                + " bcryptprimitives.dll.ProcessPrng called at address 000000017002D3F8 (thread 0024), starting"
                + " debugger...")).orElseThrow();
        assertTrue(why.contains("wine's DLLs lack bcryptprimitives.dll!ProcessPrng. Rust 1.78"), why);
    }

    @Test
    void anotherDllGetsTheGeneralFix() {
        String why = WineStart.explain(List.of("0024:err:module:import_dll Library libfoo-1.dll (which is needed by"
                + " L\"Z:\\\\t\\\\a.exe\") not found")).orElseThrow();
        assertEquals("the test binary could not start under wine: wine has no libfoo-1.dll (imported by a.exe)."
                + " install a wine that provides it, put the DLL in a folder named by WINEPATH, or set"
                + " <runner>none</runner> on the target to build without running", why);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "thread 'main' panicked at src/lib.rs:3:5",
        "0050:err:winediag:nodrv_CreateWindow L\"The explorer process failed to start.\"",
        "error: test failed, to rerun pass `--lib`"})
    void otherLinesSayNothing(String line) {
        assertEquals(Optional.empty(), WineStart.explain(List.of(line)));
        assertEquals(false, WineStart.relevant(line));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // none set: wine prints its errors already
        "null               | null",
        "''                 | null",
        // a quiet setting keeps quiet but for the loader's errors, which come last and so win
        "-all               | -all,err+module",
        "fixme-all,+relay   | fixme-all,+relay,err+module",
        // asked already: left as it is
        "-all,err+module    | null",
        "err+module         | null",
    })
    void aQuietWinedebugKeepsTheLoadersErrors(String current, String expected) {
        assertEquals(Optional.ofNullable(expected), WineStart.debugChannels(current));
    }
}
