package org.editprofile.it;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.editprofile.i18n.Language;
import org.editprofile.i18n.Messages;

/**
 * Finds English left on a page meant for another language: any word of the English texts (the app's
 * and the tenant's pages) that is not also a word of that language's texts, plus the commonest
 * English words, in case a sentence was never put in a bundle at all.
 */
final class EnglishLeftovers {

  private static final Set<String> COMMON =
      Set.of(
          "the",
          "and",
          "you",
          "your",
          "please",
          "sign",
          "page",
          "back",
          "home",
          "save",
          "cancel",
          "continue",
          "edit",
          "profile",
          "name",
          "email",
          "code",
          "verify",
          "error",
          "not",
          "was",
          "with",
          "for",
          "this",
          "here",
          "select",
          "account",
          "welcome",
          "change",
          "language");

  private final Set<String> english = new HashSet<>(COMMON);

  EnglishLeftovers(Language other) {
    Set<String> theirs = new HashSet<>();
    for (String bundle : new String[] {Messages.BUNDLE, "org.editprofile.devtenant.pages"}) {
      Messages messages = Messages.load(bundle);
      messages.bundle(Language.ENGLISH).keySet().stream()
          .map(messages.bundle(Language.ENGLISH)::getString)
          .forEach(text -> english.addAll(words(text)));
      messages.bundle(other).keySet().stream()
          .map(messages.bundle(other)::getString)
          .forEach(text -> theirs.addAll(words(text)));
    }
    english.removeAll(theirs);
  }

  /** The English words in a page's text, the user's own data removed first. */
  Set<String> in(String pageText, Collection<String> usersOwnData) {
    String text = pageText;
    // Longest first: "name" must not cut "preferred_username" in two.
    List<String> longestFirst = new ArrayList<>(usersOwnData);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    for (String data : longestFirst) {
      text = text.replace(data, " ");
    }
    Set<String> found = new TreeSet<>(words(text));
    found.retainAll(english);
    return found;
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (word.length() >= 3) {
        words.add(word);
      }
    }
    return words;
  }
}
