// The account page: where the emailed links land (?verify=, ?reset=, ?magic=, ?invitation=), sign-in with a password
// or a magic link (and its second step), and the signed-in account's email, phone and two-step sign-in settings.
"use strict";

(() => {
  const { call, userMessage, details, el, showMessage, readJson, writeJson, expiresSoon } = window.Singr;

  // The same session the host dashboard keeps, so signing in here signs in there too.
  const sessionKey = "singr.host.session";
  const invitationKey = "singr.pendingInvitation";
  const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
  const session = () => readJson(sessionKey);
  let challenge = null;

  // A token in the address bar is read once and taken out of it (and so out of the history).
  const query = new URLSearchParams(location.search);
  const link = {
    verify: query.get("verify"),
    reset: query.get("reset"),
    magic: query.get("magic"),
    invitation: query.get("invitation"),
  };
  if (link.verify || link.reset || link.magic || link.invitation) history.replaceState(null, "", location.pathname);
  if (link.invitation) localStorage.setItem(invitationKey, link.invitation);

  function say(kind, text, lines) {
    showMessage($("account-message"), kind, text, lines);
  }

  // ----- the session -----

  async function refreshSession() {
    const current = session();
    if (!current || !current.refreshToken) throw new Error("Signed out.");
    const reply = await call("POST", "/v1/auth/refresh", { body: { refreshToken: current.refreshToken } });
    if (!reply.ok) {
      signedOut();
      throw new Error(userMessage(reply.error));
    }
    writeJson(sessionKey, reply.data);
    return reply.data.accessToken;
  }

  async function accountCall(method, path, body) {
    const current = session();
    if (!current) return { ok: false, status: 401, error: { userMessage: "Please sign in again." } };
    const token = expiresSoon(current.accessTokenExpiresAt, 60 * 1000) ? await refreshSession() : current.accessToken;
    let reply = await call(method, path, { token, body });
    if (reply.status === 401) reply = await call(method, path, { token: await refreshSession(), body });
    return reply;
  }

  /** A sign-in answer: a session to keep, or a second step to ask for. */
  function signInAnswered(data) {
    if (data && data.twoFactorRequired) {
      challenge = data;
      $("signed-out").hidden = true;
      $("challenge").hidden = false;
      const names = { totp: "your authenticator app", sms: "a text message", backup: "a backup code" };
      $("challenge-methods").textContent = "Enter a code from " + data.methods.map((m) => names[m] || m).join(", or ") + ".";
      $("challenge-sms").hidden = !data.methods.includes("sms");
      $("challenge-code").focus();
      return;
    }
    challenge = null;
    $("challenge").hidden = true;
    writeJson(sessionKey, data);
    signedIn();
  }

  function signedOut() {
    writeJson(sessionKey, null);
    $("signed-in").hidden = true;
    $("signed-out").hidden = false;
    $("invitation-hint").hidden = !localStorage.getItem(invitationKey);
  }

  async function signedIn() {
    const current = session();
    $("signed-out").hidden = true;
    $("signed-in").hidden = false;
    $("signed-in-as").textContent = (current.user && (current.user.name || current.user.email)) || "you";
    $("invitation").hidden = !localStorage.getItem(invitationKey);
    const me = await accountCall("GET", "/v1/auth/me");
    if (me.ok) showEmail(me.data);
    await showTwoFactor();
  }

  function showEmail(profile) {
    $("email-state").textContent = profile.emailVerified
      ? `${profile.email} is verified.`
      : `${profile.email} is not verified yet: follow the link we emailed you.`;
    $("email-resend").hidden = !!profile.emailVerified;
  }

  async function showTwoFactor() {
    const reply = await accountCall("GET", "/v1/users/me/2fa");
    if (!reply.ok) return;
    const status = reply.data;
    const on = [status.totpEnabled && "an authenticator app", status.smsEnabled && "text messages"].filter(Boolean);
    $("two-factor-state").textContent = on.length
      ? `On, with ${on.join(" and ")}. ${status.backupCodesLeft} backup codes left.`
      : "Off. Turn it on so a password alone can't sign in to your account.";
    $("totp-start-panel").hidden = status.totpEnabled;
    $("sms-enable").hidden = status.smsEnabled || !status.phone;
    $("disable-form").hidden = !(status.totpEnabled || status.smsEnabled);
    if (status.phone) $("phone-number").placeholder = status.phone;
  }

  function showBackupCodes(codes) {
    if (!codes || codes.length === 0) return;
    $("backup-codes").replaceChildren(...codes.map((code) => el("li", null, el("code", null, code))));
    $("backup-codes-panel").hidden = false;
  }

  // ----- the links that arrive by email -----

  async function followLinks() {
    if (link.verify) {
      const reply = await call("POST", "/v1/auth/email/verify", { body: { token: link.verify } });
      say(reply.ok ? "ok" : "error", reply.ok ? "Thanks! Your email is verified." : userMessage(reply.error));
    }

    if (link.reset) {
      $("reset").hidden = false;
      $("signed-out").hidden = true;
      $("signed-in").hidden = true;
      return;
    }

    if (link.magic) {
      const reply = await call("POST", "/v1/auth/magic-link/verify", { body: { token: link.magic } });
      if (!reply.ok) {
        say("error", userMessage(reply.error));
      } else {
        signInAnswered(reply.data);
        return;
      }
    }

    if (session()) signedIn();
    else signedOut();
  }

  $("reset-form").addEventListener("submit", async (submitEvent) => {
    submitEvent.preventDefault();
    const form = submitEvent.currentTarget;
    if (form.password.value !== form.confirm.value) {
      showMessage($("reset-error"), "error", "The two passwords don't match.");
      return;
    }
    $("reset-submit").disabled = true;
    const reply = await call("POST", "/v1/auth/password/reset", { body: { token: link.reset, password: form.password.value } });
    $("reset-submit").disabled = false;
    if (!reply.ok) {
      showMessage($("reset-error"), "error", userMessage(reply.error), details(reply.error));
      return;
    }
    form.reset();
    $("reset").hidden = true;
    link.reset = null;
    say("ok", "Your password is changed, and every device that was signed in is signed out. Sign in with the new password.");
    signedOut();
  });

  // ----- signing in -----

  $("signin-form").addEventListener("submit", async (submitEvent) => {
    submitEvent.preventDefault();
    const form = submitEvent.currentTarget;
    $("signin-submit").disabled = true;
    showMessage($("signin-error"), "error", "");
    const reply = await call("POST", "/v1/auth/login", { body: { email: form.email.value.trim(), password: form.password.value } });
    $("signin-submit").disabled = false;
    if (!reply.ok) {
      showMessage($("signin-error"), "error", userMessage(reply.error), details(reply.error));
      return;
    }
    form.password.value = "";
    signInAnswered(reply.data);
  });

  $("magic-form").addEventListener("submit", async (submitEvent) => {
    submitEvent.preventDefault();
    const forgot = submitEvent.submitter && submitEvent.submitter.dataset.testid === "forgot-submit";
    const email = submitEvent.currentTarget.email.value.trim();
    const reply = await call("POST", forgot ? "/v1/auth/password/forgot" : "/v1/auth/magic-link", { body: { email } });
    showMessage($("magic-result"), reply.ok ? "ok" : "error", reply.ok ? "If an account uses that email, a link is on its way. Check your inbox." : userMessage(reply.error), reply.ok ? [] : details(reply.error));
  });

  $("challenge-form").addEventListener("submit", async (submitEvent) => {
    submitEvent.preventDefault();
    if (!challenge) return;
    $("challenge-submit").disabled = true;
    const code = submitEvent.currentTarget.code.value.trim();
    const reply = await call("POST", "/v1/auth/2fa/verify", { body: { challengeToken: challenge.challengeToken, code } });
    $("challenge-submit").disabled = false;
    if (!reply.ok) {
      showMessage($("challenge-error"), "error", userMessage(reply.error));
      if (reply.error && reply.error.code === "TOKEN_INVALID") {
        $("challenge").hidden = true;
        signedOut();
      }
      return;
    }
    submitEvent.currentTarget.reset();
    signInAnswered(reply.data);
  });

  $("challenge-sms").addEventListener("click", async () => {
    if (!challenge) return;
    const reply = await call("POST", "/v1/auth/2fa/sms", { body: { challengeToken: challenge.challengeToken } });
    showMessage($("challenge-error"), reply.ok ? "ok" : "error", reply.ok ? "We've texted you a code." : userMessage(reply.error));
  });

  $("signout").addEventListener("click", async () => {
    const current = session();
    if (current && current.refreshToken) await call("POST", "/v1/auth/logout", { body: { refreshToken: current.refreshToken } });
    signedOut();
  });

  // ----- the signed-in account -----

  $("invitation-accept").addEventListener("click", async () => {
    const token = localStorage.getItem(invitationKey);
    const reply = await accountCall("POST", "/v1/invitations/accept", { token });
    showMessage($("invitation-result"), reply.ok ? "ok" : "error", reply.ok ? "You're on the team. Open the host dashboard to get started." : userMessage(reply.error));
    if (reply.ok || (reply.error && reply.error.code === "INVITATION_INVALID")) localStorage.removeItem(invitationKey);
    if (reply.ok) $("invitation-accept").hidden = true;
  });

  $("email-resend").addEventListener("click", async () => {
    const reply = await accountCall("POST", "/v1/users/me/email/verification");
    showMessage($("email-result"), reply.ok ? "ok" : "error", reply.ok ? "A new link is on its way to your inbox." : userMessage(reply.error));
  });

  const twoFactorResult = (reply, okText) =>
    showMessage($("two-factor-result"), reply.ok ? "ok" : "error", reply.ok ? okText : userMessage(reply.error), reply.ok ? [] : details(reply.error));

  $("totp-start").addEventListener("click", async () => {
    const reply = await accountCall("POST", "/v1/users/me/2fa/totp");
    twoFactorResult(reply, "");
    if (!reply.ok) return;
    $("totp-secret").textContent = reply.data.secret.replace(/(.{4})/g, "$1 ").trim();
    $("totp-uri").href = reply.data.otpAuthUri;
    $("totp-confirm-form").hidden = false;
    $("totp-code").focus();
  });

  $("totp-confirm-form").addEventListener("submit", async (submitEvent) => {
    submitEvent.preventDefault();
    const reply = await accountCall("POST", "/v1/users/me/2fa/totp/confirm", { code: submitEvent.currentTarget.code.value.trim() });
    twoFactorResult(reply, "Two-step sign-in is on.");
    if (!reply.ok) return;
    submitEvent.currentTarget.reset();
    $("totp-confirm-form").hidden = true;
    showBackupCodes(reply.data.backupCodes);
    showTwoFactor();
  });

  $("phone-form").addEventListener("submit", async (submitEvent) => {
    submitEvent.preventDefault();
    const reply = await accountCall("POST", "/v1/users/me/phone", { phone: submitEvent.currentTarget.phone.value.trim() });
    twoFactorResult(reply, "We've texted a code to that number.");
    if (reply.ok) $("phone-verify-form").hidden = false;
  });

  $("phone-verify-form").addEventListener("submit", async (submitEvent) => {
    submitEvent.preventDefault();
    const reply = await accountCall("POST", "/v1/users/me/phone/verify", { code: submitEvent.currentTarget.code.value.trim() });
    twoFactorResult(reply, "Your phone is verified.");
    if (!reply.ok) return;
    submitEvent.currentTarget.reset();
    $("phone-verify-form").hidden = true;
    showTwoFactor();
  });

  $("sms-enable").addEventListener("click", async () => {
    const reply = await accountCall("POST", "/v1/users/me/2fa/sms");
    twoFactorResult(reply, "Sign-in codes by text are on.");
    if (!reply.ok) return;
    showBackupCodes(reply.data.backupCodes);
    showTwoFactor();
  });

  $("disable-form").addEventListener("submit", async (submitEvent) => {
    submitEvent.preventDefault();
    const reply = await accountCall("DELETE", "/v1/users/me/2fa", { code: submitEvent.currentTarget.code.value.trim() });
    twoFactorResult(reply, "Two-step sign-in is off.");
    if (!reply.ok) return;
    submitEvent.currentTarget.reset();
    $("backup-codes-panel").hidden = true;
    showTwoFactor();
  });

  followLinks();
})();
