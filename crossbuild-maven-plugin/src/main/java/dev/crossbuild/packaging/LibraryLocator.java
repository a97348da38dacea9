package dev.crossbuild.packaging;

import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.model.TargetSpec;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a library a target's binary needs, to bundle it ({@code -Dcrossbuild.bundleLibraries=true}). */
public interface LibraryLocator {

    Optional<Path> find(TargetSpec target, String library) throws CrossbuildException;

    /** A locator that finds nothing: audits without bundling. */
    LibraryLocator NONE = (target, library) -> Optional.empty();
}
