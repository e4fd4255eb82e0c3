package io.proxima.profile.infrastructure.extraction;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The class path a worker process needs. In a plain JVM (the unit tests) that is {@code
 * java.class.path}; inside the application server the libraries sit in the archive's {@code lib}
 * folder (an EAR's {@code lib/}, a WAR's {@code WEB-INF/lib}), which is not on {@code
 * java.class.path}: they are found through the class loaders and the code sources of the classes
 * the worker uses.
 */
final class WorkerClassPath {

  private static final Logger LOG = Logger.getLogger(WorkerClassPath.class.getName());

  // One class from each library the worker loads directly; their transitive dependencies sit in
  // the same folder.
  private static final String[] MARKERS = {
    "org.apache.tika.parser.pdf.PDFParser",
    "org.apache.tika.parser.microsoft.ooxml.OOXMLParser",
    "org.apache.tika.detect.DefaultDetector",
    "org.apache.pdfbox.Loader",
    "org.apache.poi.ss.usermodel.Workbook",
    "org.apache.commons.compress.archivers.zip.ZipFile",
  };

  private WorkerClassPath() {}

  static List<String> of(Class<?> main) {
    Set<Path> entries = new LinkedHashSet<>();
    for (ClassLoader loader = main.getClassLoader();
        loader != null && loader != ClassLoader.getSystemClassLoader().getParent();
        loader = loader.getParent()) {
      if (loader instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          add(entries, url);
        }
      }
    }
    List<Class<?>> anchors = new ArrayList<>(List.of(main));
    for (String marker : MARKERS) {
      try {
        anchors.add(Class.forName(marker, false, main.getClassLoader()));
      } catch (ClassNotFoundException | LinkageError e) {
        // the worker reports what it misses when it starts
      }
    }
    for (Class<?> anchor : anchors) {
      CodeSource source = anchor.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        continue;
      }
      Path location = add(entries, source.getLocation());
      if (location != null && Files.isRegularFile(location)) {
        siblings(entries, location.getParent());
      }
    }
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank() && Files.exists(Path.of(entry))) {
        entries.add(Path.of(entry).toAbsolutePath());
      }
    }
    List<String> classPath = entries.stream().map(Path::toString).toList();
    LOG.fine(() -> "skill sheet worker class path: " + classPath);
    return classPath;
  }

  // The jars next to a library jar in an archive's lib folder, which is where the server put its
  // dependencies; in a Maven repository each jar has a folder of its own, so nothing is added.
  private static void siblings(Set<Path> entries, Path folder) {
    if (folder == null || !folder.getFileName().toString().equals("lib")) {
      return;
    }
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
      for (Path jar : jars) {
        entries.add(jar.toAbsolutePath());
      }
    } catch (IOException e) {
      // what the loaders and code sources gave must do
    }
    Path classes = folder.resolveSibling("classes");
    if (Files.isDirectory(classes)) {
      entries.add(classes.toAbsolutePath());
    }
  }

  private static Path add(Set<Path> entries, URL url) {
    try {
      String external = url.toExternalForm();
      if (external.startsWith("jar:")) {
        int bang = external.indexOf("!/");
        external = external.substring(4, bang < 0 ? external.length() : bang);
      }
      if (!external.startsWith("file:")) {
        return null;
      }
      Path path = Path.of(new URL(external).toURI()).toAbsolutePath();
      if (Files.exists(path)) {
        entries.add(path);
        return path;
      }
    } catch (URISyntaxException | IOException | IllegalArgumentException e) {
      // not a local file
    }
    return null;
  }
}
