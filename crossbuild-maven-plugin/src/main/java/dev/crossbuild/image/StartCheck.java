package dev.crossbuild.image;

import dev.crossbuild.binary.BinaryNeeds;
import dev.crossbuild.binary.ObjectFormat;
import dev.crossbuild.model.LinuxPlatforms;
import dev.crossbuild.model.TargetTriple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Will it start? The closure audit of {@code package-arch} proved every library a binary needs is packaged or a
 * system library of its platform; in an image the system is the base image, so each needed library (and, for a
 * dynamically linked program, the dynamic loader) must be a file of the base's root filesystem where the loader
 * looks, or one of the program layer's own files. A pure function of the needs and the two file lists.
 */
final class StartCheck {

    /** Where glibc's and musl's loaders look without a runpath: the lib folders, with or without a multiarch tuple. */
    private static final Pattern LIBRARY_FOLDER = Pattern.compile("(usr/)?(local/)?lib(32|64|x32)?(/[a-z0-9_]+-linux-[a-z0-9_]+)?");

    private StartCheck() {
    }

    /**
     * @param who      the target, for messages
     * @param binaries each binary of the program layer (its path in the image, no leading slash) and its needs
     * @param layer    every path of the program layer
     * @return one problem per missing library, naming it and the fix
     */
    static List<String> problems(String who, TargetTriple triple, BaseImage base, Map<String, BinaryNeeds> binaries,
            Set<String> layer) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, BinaryNeeds> binary : binaries.entrySet()) {
            BinaryNeeds needs = binary.getValue();
            if (needs.format() != ObjectFormat.ELF || needs.libraries().isEmpty()) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            loader(triple).filter(l -> !provided(l, needs, base.files(), layer)).ifPresent(missing::add);
            for (String library : needs.libraries()) {
                if (!provided(library, needs, base.files(), layer) && !missing.contains(library)) {
                    missing.add(library);
                }
            }
            for (String library : missing) {
                problems.add(who + ": /" + binary.getKey() + " needs " + library + ", which the base image `"
                        + base.source() + "` does not have, so it would not start; use a base image that has it"
                        + " (such as gcr.io/distroless/cc-debian12 for glibc programs) in <image><base>, or link"
                        + " the program statically: <rustflags>-C target-feature=+crt-static</rustflags> on a gnu"
                        + " target, or a musl target");
            }
        }
        return problems;
    }

    /** The dynamic loader a dynamically linked program of the triple names as its interpreter. */
    static Optional<String> loader(TargetTriple triple) {
        return LinuxPlatforms.dynamicLoader(triple);
    }

    private static boolean provided(String library, BinaryNeeds needs, Set<String> base, Set<String> layer) {
        String name = library.substring(library.lastIndexOf('/') + 1);
        if (library.startsWith("/")) {
            String path = BaseImage.normalize(library);
            return base.contains(path) || layer.contains(path);
        }
        // the archive's audit placed bundled libraries where the program's $ORIGIN runpath finds them
        if (layer.stream().anyMatch(p -> p.equals(name) || p.endsWith("/" + name))) {
            return true;
        }
        for (String path : base) {
            if (path.endsWith("/" + name)) {
                String folder = path.substring(0, path.length() - name.length() - 1);
                if (LIBRARY_FOLDER.matcher(folder).matches()
                        || needs.searchPaths().stream().map(BaseImage::normalize).anyMatch(folder::equals)) {
                    return true;
                }
            }
        }
        return false;
    }
}
