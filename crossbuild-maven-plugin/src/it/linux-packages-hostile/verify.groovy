import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
[
    '<developers><developer><name> of developer 1 `Pat\\nPre-Depends: evil\\nEssential: yes` holds a line break;' +
        ' a package field is one line: write the value on one line',
    '<url> `https://crossbuild.dev/it\\nProvides: libc6` holds a line break',
    '<url> `https://crossbuild.dev/it\\rReplaces: coreutils` holds a line break',
    '<description> `Says hello.\\u007F Then more.` holds the control character U+007F; remove it from the pom',
    '<developers><developer><email>not-an-email</email> of developer 1 (Pat Packager) is not an email address',
].each { contains(log, it) }
check(!log.contains('no <developer> in the pom has one'), 'the invalid email is reported as a missing one')
// the message is one line: no pom text starts a line of its own in the log
['Pre-Depends: evil', 'Essential: yes', 'Provides: libc6', 'Replaces: coreutils'].each { field ->
    check(!log.readLines().any { it.startsWith(field) }, "a log line starts with ${field}")
}
check(log.count('BUILD FAILURE') == 5, 'every invocation fails')
check(!new File(basedir, 'target/lp-hostile-1.0.0-linux-x64.deb').exists(), 'a package was written')
return true
