// A PATH that holds every program of the current PATH except the Rust tools.
def dir = new File(basedir, 'path-without-rust')
dir.mkdirs()
def rustTools = ~/^(cargo|rustc|rustup|rustdoc|cargo-.*|rust-.*)$/
System.getenv('PATH').split(File.pathSeparator).each { entry ->
  def source = new File(entry)
  source.listFiles()?.each { f ->
    def link = new File(dir, f.name)
    if (!(f.name ==~ rustTools) && f.canExecute() && !f.isDirectory() && !java.nio.file.Files.exists(link.toPath(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      java.nio.file.Files.createSymbolicLink(link.toPath(), f.toPath())
    }
  }
}
return true
