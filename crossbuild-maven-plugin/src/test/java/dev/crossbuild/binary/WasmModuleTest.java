package dev.crossbuild.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.WasmBuilds;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasmModuleTest {

    @Test
    void readsACommandModuleAndWhatItImports() throws Exception {
        byte[] module = HandMadeWasm.module(List.of("wasi_snapshot_preview1", "env", "wasi_snapshot_preview1"), true,
                false);
        BinaryHeader header = BinaryHeaders.read(module).orElseThrow();
        assertThat(header.format()).isEqualTo(ObjectFormat.WASM);
        assertThat(header.kind()).isEqualTo(BinaryKind.EXECUTABLE);
        assertThat(header.architectures()).containsExactly("wasm32");
        assertThat(header.description()).isEqualTo("WebAssembly (wasm32) command module");
        BinaryNeeds needs = BinaryNeedsReader.read(module).orElseThrow();
        assertThat(needs.format()).isEqualTo(ObjectFormat.WASM);
        assertThat(needs.libraries()).containsExactly("wasi_snapshot_preview1", "env");
    }

    @Test
    void aModuleWithoutStartIsALibraryAndA64BitMemoryMakesItWasm64() throws Exception {
        BinaryHeader header = BinaryHeaders.read(HandMadeWasm.module(List.of(), false, true)).orElseThrow();
        assertThat(header.kind()).isEqualTo(BinaryKind.SHARED_LIBRARY);
        assertThat(header.architectures()).containsExactly("wasm64");
        assertThat(BinaryNeedsReader.read(HandMadeWasm.module(List.of(), false, false)).orElseThrow().libraries())
                .isEmpty();
    }

    @Test
    void refusesAComponentAndDamagedSections() {
        byte[] component = {0, 'a', 's', 'm', 0x0d, 0, 1, 0};
        assertThatThrownBy(() -> BinaryHeaders.read(component)).isInstanceOf(MalformedBinaryException.class)
                .hasMessageContaining("WebAssembly version 65549 is not a module of version 1");
        byte[] module = HandMadeWasm.module(List.of("wasi_snapshot_preview1"), true, false);
        byte[] cut = Arrays.copyOf(module, module.length - 3);
        assertThatThrownBy(() -> BinaryHeaders.read(cut)).isInstanceOf(MalformedBinaryException.class)
                .hasMessageContaining("beyond the end of the file");
        ByteArrayOutputStream huge = new ByteArrayOutputStream();
        huge.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        ByteArrayOutputStream imports = new ByteArrayOutputStream();
        HandMadeWasm.leb(imports, 1L << 40);
        HandMadeWasm.section(huge, 2, imports.toByteArray());
        assertThatThrownBy(() -> BinaryNeedsReader.read(huge.toByteArray())).isInstanceOf(MalformedBinaryException.class)
                .hasMessageContaining("imports cannot fit in a section of");
        ByteArrayOutputStream unordered = new ByteArrayOutputStream();
        unordered.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        HandMadeWasm.section(unordered, 3, new byte[] {0});
        HandMadeWasm.section(unordered, 1, new byte[] {0});
        assertThatThrownBy(() -> BinaryHeaders.read(unordered.toByteArray()))
                .isInstanceOf(MalformedBinaryException.class).hasMessageContaining("out of order");
    }

    @Test
    void readsWhatRustcBuildsForWasi(@TempDir Path dir) throws Exception {
        byte[] module = Files.readAllBytes(WasmBuilds.rustc(dir, "wasm32-wasi", "fn main() { println!(\"hello\"); }"));
        BinaryHeader header = BinaryHeaders.read(module).orElseThrow();
        assertThat(header.kind()).isEqualTo(BinaryKind.EXECUTABLE);
        assertThat(header.architectures()).containsExactly("wasm32");
        assertThat(BinaryNeedsReader.read(module).orElseThrow().libraries()).containsExactly("wasi_snapshot_preview1");
    }
}
