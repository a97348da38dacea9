import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
contains(log, 'target `linux-x64`: native build `greet` (<tool>make</tool>): unknown placeholder @{flavor} in `FLAVOUR=@{flavor}`')
contains(log, '@{flavour}')
contains(log, 'Add <properties><flavor>')
check(!log.contains('\tat dev.crossbuild'), 'a stack trace was printed')
check(!log.contains('Cannot find default setter'), 'the <nativeBuild><targets> ids were not read as text')
return true
