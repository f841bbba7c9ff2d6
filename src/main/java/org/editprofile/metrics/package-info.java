/** Every meter the app records, named once (Micrometer). Imports nothing else of the app's. */
package org.editprofile.metrics;
