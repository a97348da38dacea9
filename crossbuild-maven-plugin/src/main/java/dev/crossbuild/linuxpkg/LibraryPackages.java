package dev.crossbuild.linuxpkg;

import dev.crossbuild.core.MachineException;
import java.util.Collection;
import java.util.Map;

/** Which Debian package holds a system library for an architecture, as the build machine knows it. */
@FunctionalInterface
public interface LibraryPackages {

    /**
     * @param debianArch the package architecture ({@code arm64})
     * @param multiarch  its multiarch folder name ({@code aarch64-linux-gnu})
     * @param libraries  library file names ({@code libgcc_s.so.1})
     * @return the package of each library found, by library; the others are left out
     */
    Map<String, String> find(String debianArch, String multiarch, Collection<String> libraries)
            throws MachineException;

    /** Knows no package: every library outside the C library is left to {@code <depends>}. */
    LibraryPackages NONE = (arch, multiarch, libraries) -> Map.of();
}
