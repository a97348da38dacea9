import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
// src/main.rs line 2: `    let answer: i32 = "forty-two";` - the string literal starts in column 23
// the runner only takes a line starting with '::' as a command, so no '[INFO] ' may precede it
def annotations = log.readLines().findAll { it.startsWith('::error ') }
check(annotations.size() >= 1, "no line starting with ::error in the log:\n" + log.readLines().findAll { it.contains('::error') }.join('\n'))
def matcher = annotations[0] =~ /^::error file=([^,]+),line=(\d+),col=(\d+)(,title=[^:]*)?::(.*)$/
check(matcher.matches(), "malformed annotation: ${annotations[0]}")
def file = matcher.group(1)
// an absolute path, or relative to GITHUB_WORKSPACE when the suite itself runs inside GitHub Actions
def mainRs = new File(basedir, 'src/main.rs').canonicalPath
check(file == mainRs || (System.getenv('GITHUB_WORKSPACE') && mainRs.endsWith('/' + file)),
        "annotation file ${file} is not ${mainRs}")
check(matcher.group(2) == '2', "annotation line ${matcher.group(2)}, expected 2")
check(matcher.group(3) == '23', "annotation column ${matcher.group(3)}, expected 23")
contains(matcher.group(5), 'error[E0308]: mismatched types')
// the failure itself is reported once, as the build failure
contains(log, 'cargo build failed: error[E0308]: mismatched types')
return true
