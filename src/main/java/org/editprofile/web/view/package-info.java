/**
 * What the JSP views need: the views by name and their rendering (Views), rows they list, and the
 * edit form's shown values.
 */
package org.editprofile.web.view;
