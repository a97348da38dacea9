package dev.crossbuild.packaging;

import java.util.function.Predicate;

/**
 * What a goal takes from a target's build, and how the audit looks for the libraries they need: an archive takes
 * every executable and library (a program's loader looks beside the exe or through {@code $ORIGIN}); a native
 * JAR takes only shared libraries, all in one folder, which its loader loads in order, dependencies first, so a
 * library beside the one that needs it is found on every platform.
 *
 * @param goal              the goal named in messages, e.g. {@code package-arch}
 * @param keep              which of the target's cargo artifacts and native build outputs are taken
 * @param preloadedSiblings a library in the same folder counts as found, and bundled libraries go there
 * @param nothingToPackage  the end of the message when cargo built nothing that {@code keep} takes: the fix
 * @param skipProperty      the property that skips the goal, named in messages
 */
public record ContentRules(String goal, Predicate<ArchiveEntry> keep, boolean preloadedSiblings,
        String nothingToPackage, String skipProperty) {

    /** {@code package-arch}: every executable and library, looked up as a program's loader would. */
    public static final ContentRules ARCHIVE = new ContentRules("package-arch", entry -> true, false,
            "cargo built no executable or library to package (only Rust libraries); add a [[bin]] or crate-type ="
                    + " [\"cdylib\"] to Cargo.toml, set <packageStaticLibraries> for staticlib crates",
            "crossbuild.package-arch.skip");
}
