package dev.crossbuild.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.binary.BinaryHeader;
import dev.crossbuild.binary.BinaryKind;
import dev.crossbuild.binary.ObjectFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one definition of a program, a library and data, table-driven. */
class FileKindTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        // origin, header kind (NONE: no header), name, kind
        "bin, SHARED_OBJECT, hello, PROGRAM",
        "bin, EXECUTABLE, hello.exe, PROGRAM",
        "cdylib, SHARED_OBJECT, libhello.so, LIBRARY",
        "cdylib, SHARED_LIBRARY, hello.dll, LIBRARY",
        "dylib, SHARED_LIBRARY, libhello.dylib, LIBRARY",
        "staticlib, STATIC_LIBRARY, libhello.a, LIBRARY",
        "bundled, SHARED_OBJECT, lib/libgcc_s.so.1, LIBRARY",
        "native:tray, EXECUTABLE, tray, PROGRAM",
        // a position-independent executable is an ELF shared object: its name tells it from a library
        "native:tray, SHARED_OBJECT, bin/tray, PROGRAM",
        "native:tray, SHARED_OBJECT, lib/libtray.so.1.2, LIBRARY",
        "prebuilt, SHARED_OBJECT, hello, PROGRAM",
        "prebuilt, SHARED_OBJECT, plugin.so, LIBRARY",
        "prebuilt, SHARED_OBJECT, libz.so, LIBRARY",
        "prebuilt, EXECUTABLE, bin/hello, PROGRAM",
        "prebuilt, STATIC_LIBRARY, libhello.a, LIBRARY",
        "prebuilt, IMPORT_LIBRARY, hello.dll.lib, LIBRARY",
        "file, NONE, README.md, DATA",
        "file, NONE, run.sh, DATA",
        "prebuilt, NONE, LICENSE, DATA",
    })
    void eachFileHasOneKind(String origin, String header, String name, FileKind expected) {
        BinaryHeader read = header.equals("NONE") ? null
                : new BinaryHeader(ObjectFormat.ELF, BinaryKind.valueOf(header), List.of("x86_64"), "ELF");
        assertThat(FileKind.of(origin, read, name)).isEqualTo(expected);
    }
}
