/**
 * Settings read once at start-up from environment, system properties and context parameters, every
 * problem reported at once, each naming its setting; secrets from NAME or NAME_FILE. May import
 * credential only.
 */
package org.editprofile.config;
