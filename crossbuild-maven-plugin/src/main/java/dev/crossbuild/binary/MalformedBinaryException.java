package dev.crossbuild.binary;

import dev.crossbuild.core.ProjectException;

/**
 * A file that starts like an ELF, PE, Mach-O or ar file but whose headers or tables cannot be read: cut short,
 * or with an offset, size or count that does not fit the file. It is the project's error (a build or a copy
 * produced a broken file), and the readers never answer for such a file as if it were whole.
 */
public final class MalformedBinaryException extends ProjectException {

    private final String file;
    private final String problem;

    MalformedBinaryException(String file, String problem) {
        super(file + ": " + problem + "; the file is truncated or corrupt, rebuild it (mvn clean package)");
        this.file = file;
        this.problem = problem;
    }

    /** The file (and, inside an archive or universal file, the member or slice). */
    public String file() {
        return file;
    }

    /** What is wrong, without the file's name: {@code program headers beyond the end of the file (…)}. */
    public String problem() {
        return problem;
    }
}
