package org.editprofile.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.jasper.compiler.tagplugin.TagPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The views' JSTL core tags are compiled inline (WEB-INF/tagPlugins.xml): a misspelt class name
 * would not break a page, Jasper would quietly fall back to tag handlers, so the list is checked
 * here against the JSTL library the WAR ships and the tags the views use.
 */
class TagPluginsTest {

  private static final Path VIEWS = Path.of("webapp", "WEB-INF", "views");

  /** Tags the views use that are left to their handlers, and why. */
  private static final Set<String> LEFT_TO_HANDLERS = Set.of("set"); // at most once per page

  private static Map<String, String> pluginByTagClass;
  private static Map<String, String> tagClassByName;
  private static Map<String, String> tagsUsed; // name -> first view using it
  private static String viewText;

  @BeforeAll
  static void read() throws Exception {
    pluginByTagClass = new HashMap<>();
    Document plugins =
        xml(Files.newInputStream(Path.of("webapp", "WEB-INF", "tagPlugins.xml")), "tagPlugins");
    NodeList entries = plugins.getElementsByTagName("tag-plugin");
    for (int i = 0; i < entries.getLength(); i++) {
      Element entry = (Element) entries.item(i);
      pluginByTagClass.put(text(entry, "tag-class"), text(entry, "plugin-class"));
    }

    tagClassByName = new HashMap<>();
    InputStream tld =
        org.apache.taglibs.standard.tag.rt.core.OutTag.class.getResourceAsStream("/META-INF/c.tld");
    assertNotNull(tld, "the JSTL library's c.tld");
    Document core = xml(tld, "c.tld");
    assertEquals("jakarta.tags.core", text(core.getDocumentElement(), "uri"));
    NodeList tags = core.getElementsByTagName("tag");
    for (int i = 0; i < tags.getLength(); i++) {
      Element tag = (Element) tags.item(i);
      tagClassByName.put(text(tag, "name"), text(tag, "tag-class"));
    }

    tagsUsed = new TreeMap<>();
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(VIEWS)) {
      for (Path view : files.sorted().toList()) {
        String source = Files.readString(view, StandardCharsets.UTF_8);
        all.append(source);
        Matcher tag = Pattern.compile("<c:([A-Za-z]+)").matcher(source);
        while (tag.find()) {
          tagsUsed.putIfAbsent(tag.group(1), view.getFileName().toString());
        }
      }
    }
    viewText = all.toString();
  }

  @Test
  void everyCoreTagTheViewsUseIsCompiledInlineOrKnowinglyLeftToItsHandler() {
    assertTrue(tagsUsed.keySet().containsAll(Set.of("out", "if", "forEach")), tagsUsed.toString());
    for (String name : tagsUsed.keySet()) {
      String tagClass = tagClassByName.get(name);
      assertNotNull(tagClass, "c:" + name + " (in " + tagsUsed.get(name) + ") is no JSTL tag");
      if (LEFT_TO_HANDLERS.contains(name)) {
        assertFalse(pluginByTagClass.containsKey(tagClass), "c:" + name + " is meant to stay");
      } else {
        assertTrue(pluginByTagClass.containsKey(tagClass), "c:" + name + " has no plugin");
      }
    }
  }

  @Test
  void everyEntryNamesATagTheViewsUseAndAPluginJasperShips() throws ClassNotFoundException {
    Set<String> usedClasses = new TreeSet<>();
    tagsUsed.keySet().forEach(name -> usedClasses.add(tagClassByName.get(name)));
    for (Map.Entry<String, String> entry : pluginByTagClass.entrySet()) {
      assertTrue(usedClasses.contains(entry.getKey()), entry.getKey() + " is used by no view");
      Class<?> plugin = Class.forName(entry.getValue());
      assertTrue(TagPlugin.class.isAssignableFrom(plugin), plugin + " is no tag plugin");
    }
  }

  /** Jasper's c:forEach plugin steps aside when varStatus is given, and the loop runs slowly. */
  @Test
  void noLoopAsksForItsStatus() {
    Matcher loop = Pattern.compile("<c:forEach[^>]*>").matcher(viewText);
    int loops = 0;
    while (loop.find()) {
      loops++;
      assertFalse(loop.group().contains("varStatus"), loop.group());
    }
    assertTrue(loops > 0);
  }

  /**
   * The views escape through the compiled c:out, which calls Jasper's own escaping, where they once
   * called JSTL's fn:escapeXml: both must turn the same characters into the same entities.
   */
  @Test
  void theCompiledOutEscapesAsTheJstlFunctionDid() {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x3000; c++) {
      String one = String.valueOf(c);
      assertEquals(
          org.apache.taglibs.standard.functions.Functions.escapeXml(one),
          org.apache.jasper.tagplugins.jstl.Util.escapeXml(one),
          "U+" + Integer.toHexString(c));
      every.append(c);
    }
    String mixed = "<a href=\"x?a=1&b='2'\">Zoë & \"Ada\"</a>" + every;
    assertEquals(
        org.apache.taglibs.standard.functions.Functions.escapeXml(mixed),
        org.apache.jasper.tagplugins.jstl.Util.escapeXml(mixed));
    assertEquals(
        "&lt;b&gt;&amp;&#039;&#034;", org.apache.jasper.tagplugins.jstl.Util.escapeXml("<b>&'\""));
  }

  private static Document xml(InputStream in, String what) throws Exception {
    try (in) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(in);
      assertNotNull(document.getDocumentElement(), what);
      return document;
    }
  }

  private static String text(Element parent, String child) {
    NodeList found = parent.getElementsByTagName(child);
    assertTrue(found.getLength() > 0, "no <" + child + "> in <" + parent.getTagName() + ">");
    return found.item(0).getTextContent().trim();
  }
}
