package dev.crossbuild.zig;

import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.process.ShellQuoting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin's zig wrappers of a {@code <linker>zig</linker>} target, small sh scripts under
 * {@code target/crossbuild/targets/<id>/zig/}: {@code cc} and {@code c++} run {@code zig cc}/{@code zig c++ -target
 * <zig triple>} (cargo's linker is {@code cc}), {@code ar} runs {@code zig ar}. They drop the flags zig refuses
 * ({@code --target=…}, {@code -m64}, {@code -Wl,--no-undefined-version}, which rustc passes when it links a
 * proc-macro for a target that is the host) and rustc's {@code -arch <name>} for macOS with its name (the zig
 * triple names the architecture already), turn {@code -lgcc_s} into zig's {@code -lunwind}, leave Rust's
 * {@code compiler_builtins} off the link line of every Windows target (its {@code __chkstk}/{@code ___chkstk_ms}
 * clash with zig's), pass a DLL's export list {@code -Wl,<dir>/list.def} as the input file zig takes, leave out
 * the export lists it refuses for other formats ({@code -Wl,-exported_symbols_list <file>} for macOS,
 * {@code -Wl,--dynamic-list <file>}: the library then exports every global symbol, its {@code #[no_mangle]}
 * functions among them), set a PE file's link time to 0 where {@code -Wl,--no-insert-timestamp} asks for it, link {@code windows-gnu}'s {@code -lgcc_eh} with zig's
 * unwinder and leave out the MinGW GCC flags zig refuses ({@code -Wl,--disable-auto-image-base}) or has no library
 * for ({@code -lgcc}, {@code -lssp}, {@code -l:libpthread.a})
 * and answer meson's {@code -Wl,--version} probe as LLD does (zig's linker is LLD). zig is found on PATH when a
 * wrapper runs, or is the one {@code <zig>} names ({@link ZigProgram}).
 */
public final class ZigWrappers {

    /** The three wrappers of one target. */
    public record Wrappers(Path cc, Path cxx, Path ar) {
    }

    private ZigWrappers() {
    }

    /** Every zig target of the list with wrappers that run zig from PATH. */
    public static List<TargetSpec> apply(List<TargetSpec> targets, WorkLayout layout) throws ProjectException,
            MachineException {
        return apply(targets, layout, ZigProgram.ON_PATH);
    }

    /** Every zig target of the list with its C compiler, C++ compiler and archiver set to its wrappers, written. */
    public static List<TargetSpec> apply(List<TargetSpec> targets, WorkLayout layout, ZigProgram zig)
            throws ProjectException, MachineException {
        List<TargetSpec> applied = new ArrayList<>();
        for (TargetSpec target : targets) {
            // a universal target is built as its slices, each with wrappers of its own
            if (!target.zigLinker() || target.triple().isUniversalApple()) {
                applied.add(target);
                continue;
            }
            Wrappers wrappers = write(target, layout.zigDir(target.id()), zig);
            applied.add(target.withCompilers(wrappers.cc().toString(), wrappers.cxx().toString(),
                    wrappers.ar().toString()));
        }
        return applied;
    }

    /** Writes the target's wrappers into {@code dir}, leaving a file alone when its text is already the same. */
    public static Wrappers write(TargetSpec target, Path dir) throws ProjectException, MachineException {
        return write(target, dir, ZigProgram.ON_PATH);
    }

    /** Writes the target's wrappers, which run {@code zig}, into {@code dir}. */
    public static Wrappers write(TargetSpec target, Path dir, ZigProgram zig) throws ProjectException,
            MachineException {
        String zigTarget = ZigTriple.of(target.triple(), target.glibc(), target.macosMin());
        // Rust's windows-gnu libraries are MinGW's: their GCC runtime flags have zig counterparts or none
        boolean mingw = target.triple().isWindows() && target.triple().env().equals("gnu");
        boolean windows = target.triple().isWindows();
        Path cc = dir.resolve("cc");
        Path cxx = dir.resolve("c++");
        Path ar = dir.resolve("ar");
        try {
            Files.createDirectories(dir);
            writeScript(cc, compilerScript(target.id(), zig, "cc", zigTarget, windows, mingw));
            writeScript(cxx, compilerScript(target.id(), zig, "c++", zigTarget, windows, mingw));
            writeScript(ar, archiverScript(target.id(), zig));
        } catch (IOException e) {
            throw new MachineException("target `" + target.id() + "`: cannot write the zig wrappers into " + dir
                    + ": " + e.getMessage(), e);
        }
        return new Wrappers(cc, cxx, ar);
    }

    /**
     * The text of the {@code cc} or {@code c++} wrapper.
     *
     * @param mode         {@code cc} or {@code c++} ({@code zig cc}, {@code zig c++})
     * @param windows      a Windows target: {@code libcompiler_builtins-*.rlib} is left off the command line (zig
     *                     links its own compiler_rt, whose {@code __chkstk} (aarch64) or {@code ___chkstk_ms}
     *                     (x86_64) rustc's compiler_builtins defines again: lld-link: duplicate symbol); the
     *                     {@code -Wl,<dir>/list.def} of a DLL's exports, which zig 0.11 refuses as a linker flag,
     *                     is passed as an input file, which it takes; and {@code -Wl,--no-insert-timestamp} is
     *                     done by the wrapper ({@link #noTimestamp})
     * @param mingw        a {@code *-windows-gnu} target: GCC's {@code -lgcc_eh} is zig's {@code -lunwind}, and
     *                     the MinGW GCC flags and libraries zig has no counterpart of are left out
     */
    static String compilerScript(String targetId, ZigProgram zig, String mode, String zigTarget,
            boolean windows, boolean mingw) {
        String zigCommand = command(zig) + " " + mode + " -target " + ShellQuoting.quote(zigTarget) + " \"$@\"";
        return "#!/bin/sh\n"
                + "# crossbuild-maven-plugin: zig " + mode + " for target " + targetId + " (<linker>zig</linker>)\n"
                + "skip=\n"
                + (windows ? "notime=\n" : "")
                + "for arg do\n"
                + "  shift\n"
                + "  if [ -n \"$skip\" ]; then skip=; continue; fi\n"
                + "  case $arg in\n"
                + "    -Wl,--version) echo 'LLD 16.0.0 (compatible with GNU linkers)'; exit 0 ;;\n"
                + "    --target=*|-m64|-m32|-Wl,--no-undefined-version) continue ;;\n"
                + "    -arch) skip=1; continue ;;\n"
                // the export lists of a cdylib, which zig 0.11 refuses: every global symbol is exported instead
                + "    -Wl,-exported_symbols_list|-Wl,--dynamic-list) skip=1; continue ;;\n"
                + "    -Wl,-exported_symbols_list,*|-Wl,--dynamic-list,*) continue ;;\n"
                + "    -lgcc_s) set -- \"$@\" -lunwind; continue ;;\n"
                + (windows ? "    */libcompiler_builtins-*.rlib) continue ;;\n"
                        + "    -Wl,*.def) set -- \"$@\" \"${arg#-Wl,}\"; continue ;;\n"
                        + "    -Wl,--no-insert-timestamp) notime=1; continue ;;\n" : "")
                + (mingw ? "    -lgcc_eh) set -- \"$@\" -lunwind; continue ;;\n"
                        + "    -Wl,--disable-auto-image-base|-fno-use-linker-plugin|-l:libpthread.a|-lgcc|-lssp_nonshared"
                        + "|-lssp) continue ;;\n" : "")
                + "  esac\n"
                + "  set -- \"$@\" \"$arg\"\n"
                + "done\n"
                + (windows ? noTimestamp(zigCommand) : "exec " + zigCommand + "\n");
    }

    /**
     * The end of a Windows wrapper: zig 0.11 refuses {@code -Wl,--no-insert-timestamp} (which the plugin passes for
     * reproducible PE files) and writes the link time into the COFF header, so when it was asked for, the wrapper
     * links, then sets the time in the header of the {@code -o} file to 0, as GNU ld does. That field is the only
     * one that differs between two links of a stripped release build.
     */
    private static String noTimestamp(String zigCommand) {
        return "if [ -z \"$notime\" ]; then exec " + zigCommand + "; fi\n"
                + zigCommand + " || exit $?\n"
                + "out=\n"
                + "prev=\n"
                + "for arg do\n"
                + "  if [ \"$prev\" = -o ]; then out=$arg; fi\n"
                + "  prev=$arg\n"
                + "done\n"
                + "[ -f \"$out\" ] || exit 0\n"
                + "set -- $(od -An -tu1 -j60 -N4 \"$out\")\n"
                + "[ $# -eq 4 ] || exit 0\n"
                + "at=$(( $1 + ($2 << 8) + ($3 << 16) + ($4 << 24) ))\n"
                + "[ \"$(od -An -tx1 -j\"$at\" -N4 \"$out\" | tr -d ' \\n')\" = 50450000 ] || exit 0\n"
                + "printf '\\000\\000\\000\\000' | dd of=\"$out\" bs=1 seek=$((at + 8)) conv=notrunc 2>/dev/null\n";
    }

    static String archiverScript(String targetId, ZigProgram zig) {
        return "#!/bin/sh\n"
                + "# crossbuild-maven-plugin: zig ar for target " + targetId + " (<linker>zig</linker>)\n"
                + "exec " + command(zig) + " ar \"$@\"\n";
    }

    /** {@code zig}, found on PATH when the wrapper runs, or the configured one's path, quoted for sh. */
    private static String command(ZigProgram zig) {
        return zig.configured() ? ShellQuoting.quote(zig.command()) : "zig";
    }

    private static void writeScript(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (!Files.isRegularFile(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException windows) {
            // a Windows host runs no sh wrapper; the build of such a target fails with cargo's own message
        }
    }
}
