package dev.crossbuild.binary;

/** The object file families a target's binaries come in. */
public enum ObjectFormat {
    ELF("ELF"),
    /** Windows images (PE) and their objects and libraries (COFF). */
    PE_COFF("PE/COFF"),
    MACH_O("Mach-O"),
    /** WebAssembly modules ({@code .wasm}). */
    WASM("WebAssembly");

    private final String displayName;

    ObjectFormat(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
