namespace Singr.Api.Operations;

/// <summary>
/// <c>/ops/</c>: how a person opens the Orleans Dashboard. They sign in with their Singr account; the page trades the
/// access token for the dashboard cookie (<c>POST /v1/admin/ops/session</c>), signs the new session out again (the
/// refresh token is not kept anywhere) and goes to <c>/ops/orleans/</c>. No token is stored in the browser.
/// </summary>
internal static class OperationsPage
{
    public const string Path = "/ops/";

    public const string ScriptPath = "/ops/ops.js";

    /// <summary>Script from this origin only (no inline script), no framing, forms post here only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Singr operations</title>
          <link rel="stylesheet" href="/css/app.css">
        </head>
        <body>
          <main>
            <h1>Orleans Dashboard</h1>
            <p>For Singr platform admins. Sign in with your Singr account to open the cluster's dashboard in this tab;
              it stays open for a limited time, then come back here.</p>
            <form id="ops-signin" data-testid="ops-signin-form">
              <label>Email <input name="email" type="email" autocomplete="username" required></label>
              <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
              <button type="submit">Open the dashboard</button>
            </form>
            <p id="ops-message" data-testid="ops-message" role="alert" hidden></p>
          </main>
          <script src="/ops/ops.js"></script>
        </body>
        </html>
        """;

    public const string Script = """
        "use strict";
        (() => {
          const form = document.getElementById("ops-signin");
          const message = document.getElementById("ops-message");
          const show = (text) => { message.textContent = text || ""; message.hidden = !text; };

          async function post(path, body, token) {
            const headers = { "Content-Type": "application/json", "Accept": "application/json" };
            if (token) headers["Authorization"] = "Bearer " + token;
            const response = await fetch(path, { method: "POST", headers, body: JSON.stringify(body), credentials: "same-origin" });
            return response.json();
          }

          form.addEventListener("submit", async (event) => {
            event.preventDefault();
            show("");
            try {
              const login = await post("/v1/auth/login", { email: form.email.value, password: form.password.value });
              if (!login.success) return show(login.error.userMessage);
              const session = await post("/v1/admin/ops/session", {}, login.data.accessToken);
              try { await post("/v1/auth/logout", { refreshToken: login.data.refreshToken }); } catch { /* it expires anyway */ }
              if (!session.success) return show(session.error.userMessage);
              window.location.assign(session.data.dashboardUrl);
            } catch {
              show("Singr could not be reached. Please try again.");
            }
          });
        })();
        """;
}
