// Re-posts the sign-in response from this site, so the browser includes the session cookie.
document.getElementById("form-post-relay").submit();
