package org.editprofile.web.page;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.editprofile.Routes;
import org.editprofile.flow.ProfileOutcome;
import org.editprofile.i18n.Language;
import org.editprofile.i18n.Text;
import org.editprofile.profile.AccountFacts;
import org.editprofile.profile.CustomAttributes;
import org.editprofile.profile.ProfileField;
import org.editprofile.web.view.CustomInput;
import org.editprofile.web.view.ProfileRow;
import org.editprofile.web.view.ShownValues;
import org.editprofile.web.view.View;
import org.editprofile.web.view.Views;

/** Turns what a profile request led to into the response: a page, a redirect or an error. */
final class ProfileResponses {

  private ProfileResponses() {}

  /** A custom attribute's value as the page shows it: a boolean in words, else as Graph has it. */
  private static String customValue(HttpServletRequest request, CustomAttributes.Value custom) {
    if (custom.value() == null || custom.attribute().type() != CustomAttributes.Type.BOOLEAN) {
      return custom.value();
    }
    return Views.text(
        request, Text.of(Boolean.parseBoolean(custom.value()) ? "value.yes" : "value.no"));
  }

  /** The account's facts Graph gave, each a line in the page's language. */
  private static List<ProfileRow> accountRows(HttpServletRequest request, AccountFacts account) {
    List<ProfileRow> rows = new ArrayList<>(3);
    account
        .createdAt()
        .ifPresent(
            at ->
                rows.add(
                    new ProfileRow(
                        Views.text(request, Text.of("account.created")),
                        Views.dateTime(request, at))));
    account
        .passwordChangedAt()
        .ifPresent(
            at ->
                rows.add(
                    new ProfileRow(
                        Views.text(request, Text.of("account.passwordChanged")),
                        Views.dateTime(request, at))));
    if (!account.signInMethods().isEmpty()) {
      List<String> methods = new ArrayList<>();
      for (AccountFacts.SignInMethod method : account.signInMethods()) {
        String key =
            switch (method.kind()) {
              case EMAIL -> "account.signIn.email";
              case USER_NAME -> "account.signIn.userName";
              case SOCIAL -> "account.signIn.social";
            };
        methods.add(Views.text(request, Text.of(key, method.detail())));
      }
      rows.add(
          new ProfileRow(
              Views.text(request, Text.of("account.signInWith")), String.join("; ", methods)));
    }
    return rows;
  }

  static void send(ProfileOutcome outcome, HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (outcome instanceof ProfileOutcome.ShowProfile show) {
      show.flash().ifPresent(flash -> request.setAttribute("flash", Views.text(request, flash)));
      request.setAttribute("profile", show.profile());
      List<ProfileRow> rows = new ArrayList<>(ProfileField.all().size());
      for (ProfileField field : ProfileField.all()) {
        rows.add(new ProfileRow(Views.text(request, field.label()), show.profile().value(field)));
      }
      Language language = Views.language(request);
      for (CustomAttributes.Value custom : show.profile().custom()) {
        rows.add(new ProfileRow(custom.attribute().label(language), customValue(request, custom)));
      }
      request.setAttribute("rows", rows);
      request.setAttribute("account", accountRows(request, show.profile().account()));
      // Customers of a social provider have no password here to change.
      request.setAttribute("localAccount", show.profile().account().hasLocalAccount());
      Views.render(request, response, View.PROFILE);
    } else if (outcome instanceof ProfileOutcome.ShowForm form) {
      response.setStatus(form.status());
      form.notice()
          .ifPresent(notice -> request.setAttribute("notice", Views.text(request, notice)));
      request.setAttribute("profile", form.profile());
      request.setAttribute("fields", ProfileField.all());
      request.setAttribute("values", form.values());
      request.setAttribute("shown", ShownValues.encode(form.shown()));
      Map<String, String> errors = new LinkedHashMap<>();
      form.errors().forEach((field, error) -> errors.put(field, Views.text(request, error)));
      request.setAttribute("errors", errors);
      Language language = Views.language(request);
      List<CustomInput> inputs = new ArrayList<>();
      for (CustomAttributes.Attribute attribute : form.writable().attributes()) {
        inputs.add(new CustomInput(form.writable(), attribute, language));
      }
      request.setAttribute("customInputs", inputs);
      if (form.profile() != null) {
        // Those the form cannot change (no delegated write): shown, read-only, with the reason.
        List<ProfileRow> readOnly = new ArrayList<>();
        for (CustomAttributes.Value custom : form.profile().custom()) {
          if (!form.writable().attributes().contains(custom.attribute())) {
            readOnly.add(
                new ProfileRow(custom.attribute().label(language), customValue(request, custom)));
          }
        }
        request.setAttribute("readOnlyCustom", readOnly);
      }
      Views.render(request, response, View.EDIT_PROFILE);
    } else if (outcome instanceof ProfileOutcome.BackToProfile) {
      Views.redirectInApp(request, response, Routes.SHOW_PROFILE);
    } else if (outcome instanceof ProfileOutcome.GoToTenant go) {
      Views.redirectToTenant(request, response, go.authorizeUrl());
    } else if (outcome instanceof ProfileOutcome.StepUpCapped) {
      FailurePages.stepUpCapped(request, response);
    } else if (outcome instanceof ProfileOutcome.Failed failed) {
      FailurePages.show(request, response, failed.failure());
    }
  }
}
