package org.editprofile.session;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** A session held in a map, as a container would hold it, for tests without a container. */
public final class MapSessionStore implements SessionStore {

  private HashMap<String, Serializable> attributes;
  private int idChanges;

  @Override
  public Object get(String name) {
    return attributes == null ? null : attributes.get(name);
  }

  @Override
  public void set(String name, Serializable value) {
    session().put(name, value);
  }

  @Override
  public void remove(String name) {
    if (attributes != null) {
      attributes.remove(name);
    }
  }

  @Override
  public void renewId() {
    session();
    idChanges++;
  }

  @Override
  public void invalidate() {
    attributes = null;
  }

  @Override
  public java.util.Set<String> names() {
    return attributes == null ? java.util.Set.of() : java.util.Set.copyOf(attributes.keySet());
  }

  /** Whether a session exists (a container would have set a cookie). */
  public boolean exists() {
    return attributes != null;
  }

  /** How many times the session id was renewed. */
  public int idChanges() {
    return idChanges;
  }

  /** The attributes, as session persistence would serialize them. */
  public Map<String, Serializable> attributes() {
    return attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  private HashMap<String, Serializable> session() {
    if (attributes == null) {
      attributes = new HashMap<>();
    }
    return attributes;
  }
}
