package dev.crossbuild.linuxpkg;

import dev.crossbuild.binary.BinaryNeeds;
import dev.crossbuild.core.MachineException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A package's dependencies, from what its binaries need (their {@code DT_NEEDED} and symbol versions), leaving out
 * the libraries the package brings itself:
 * <ul>
 *   <li>Debian: {@code libc6 (>= <newest GLIBC_x.y any binary needs>)}; each other library mapped to the Debian
 *       package of that architecture that holds it on this machine, else listed in {@link #unmapped()} for
 *       {@code <depends>}; then {@code <depends>};</li>
 *   <li>RPM: what rpm's own ELF dependency generator writes for each binary: {@code soname()(64bit)} for each needed
 *       library ({@code soname} on 32-bit ELF), {@code soname(VERSION)(64bit)} for each symbol version it needs
 *       from it, and {@code rtld(GNU_HASH)} for a binary with a GNU hash table only; sonames that are neither
 *       {@code lib*} nor the loader ({@code ld*}) or lack {@code .so} are skipped as rpm skips them; then
 *       {@code <requires>}.</li>
 * </ul>
 *
 * @param debian   the Debian {@code Depends} entries, in order
 * @param rpm      the RPM {@code Requires}, sorted
 * @param unmapped the libraries no Debian package was found for
 */
record PackageDependencies(List<String> debian, Set<String> rpm, List<String> unmapped) {

    /** The libraries glibc's Debian package {@code libc6} holds, whatever the machine has installed. */
    private static final Pattern LIBC6 = Pattern.compile("ld-linux[-.\\w]*\\.so\\.\\d+|ld64\\.so\\.\\d+|ld\\.so\\.\\d+"
            + "|lib(c\\.so\\.6|m\\.so\\.6|dl\\.so\\.2|pthread\\.so\\.0|rt\\.so\\.1|util\\.so\\.1|resolv\\.so\\.2"
            + "|anl\\.so\\.1|nsl\\.so\\.1|mvec\\.so\\.1|BrokenLocale\\.so\\.1|thread_db\\.so\\.1)");
    private static final Pattern MUSL = Pattern.compile("ld-musl-[\\w]+\\.so\\.1|libc\\.so");

    /** A packaged binary: what it needs and whether it is 64-bit ELF (rpm's {@code (64bit)} marker). */
    record Needs(BinaryNeeds needs, boolean elf64) {
    }

    static PackageDependencies of(List<Needs> binaries, Set<String> privateNames, boolean musl, String debianArch,
            String multiarch, LibraryPackages packages, List<String> depends, List<String> requires)
            throws MachineException {
        Set<String> system = new LinkedHashSet<>();
        Set<String> rpm = new TreeSet<>();
        String glibc = null;
        for (Needs binary : binaries) {
            BinaryNeeds needs = binary.needs();
            String marker = binary.elf64() ? "(64bit)" : "";
            for (String library : needs.libraries()) {
                if (privateNames.contains(library)) {
                    continue;
                }
                system.add(library);
                if (rpmSoname(library)) {
                    rpm.add(marker.isEmpty() ? library : library + "()" + marker);
                }
            }
            for (Map.Entry<String, List<String>> entry : needs.versions().entrySet()) {
                if (privateNames.contains(entry.getKey()) || !rpmSoname(entry.getKey())) {
                    continue;
                }
                entry.getValue().forEach(v -> rpm.add(entry.getKey() + "(" + v + ")" + marker));
            }
            if (needs.gnuHashOnly()) {
                rpm.add("rtld(GNU_HASH)");
            }
            String newest = needs.newestGlibc();
            if (newest != null && (glibc == null || BinaryNeeds.compareVersions(newest, glibc) > 0)) {
                glibc = newest;
            }
        }
        rpm.addAll(requires);

        List<String> others = system.stream().filter(l -> !(musl ? MUSL : LIBC6).matcher(l).matches()).toList();
        Map<String, String> found = multiarch == null || others.isEmpty() ? Map.of()
                : packages.find(debianArch, multiarch, others);
        boolean needsLibc = system.stream().anyMatch(l -> (musl ? MUSL : LIBC6).matcher(l).matches())
                || found.containsValue(musl ? "musl" : "libc6");
        Set<String> debian = new LinkedHashSet<>();
        if (musl && needsLibc) {
            debian.add("musl");
        } else if (needsLibc || glibc != null) {
            debian.add(glibc == null ? "libc6" : "libc6 (>= " + glibc + ")");
        }
        List<String> unmapped = new ArrayList<>();
        Set<String> mapped = new TreeSet<>();
        for (String library : others) {
            String pkg = found.get(library);
            if (pkg == null) {
                unmapped.add(library);
            } else if (!pkg.equals("libc6") && !pkg.equals("musl")) {
                mapped.add(pkg);
            }
        }
        debian.addAll(mapped);
        debian.addAll(depends);
        return new PackageDependencies(List.copyOf(debian), rpm, unmapped);
    }

    /** rpm's filter: a soname must hold {@code .so} and start with {@code lib} or be the loader. */
    static boolean rpmSoname(String soname) {
        if (soname.isBlank() || !soname.contains(".so")) {
            return false;
        }
        return soname.startsWith("ld.") || soname.startsWith("ld-") || soname.startsWith("ld6")
                || soname.startsWith("lib");
    }
}
