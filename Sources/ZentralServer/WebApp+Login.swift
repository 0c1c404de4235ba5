import Hummingbird
import ZentralService

extension WebApp {
  /// `GET/POST /login` and `POST /logout`.
  func addLoginRoutes(to router: Router<WebContext>) {
    router.get("login") { _, context -> Response in
      guard self.auth.hasLogin else { return WebApp.redirect("/") }
      return self.page("login", title: "Anmelden", [:], context)
    }
    router.post("login") { request, context -> Response in
      guard case .users(let users) = self.auth else { return WebApp.redirect("/") }
      let form = try WebApp.form(request, context)
      let name = form["username"] ?? ""
      let password = form["password"] ?? ""
      guard let user = users.authenticate(name: name, password: password) else {
        return self.page(
          "login", title: "Anmelden", ["failed": true, "username": name], context, status: .unauthorized)
      }
      // A new session on sign-in (no session fixation).
      if let old = context.session { await self.sessions.remove(old.id) }
      let session = await self.sessions.create(user: user)
      var response = WebApp.redirect("/")
      response.headers[values: .setCookie].append(
        "\(WebApp.cookieName)=\(session.id); Path=/; HttpOnly; SameSite=Strict")
      return response
    }
    router.post("logout") { _, context -> Response in
      if let session = context.session { await self.sessions.remove(session.id) }
      var response = WebApp.redirect(self.auth.hasLogin ? "/login" : "/")
      response.headers[values: .setCookie].append(
        "\(WebApp.cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
      return response
    }
  }
}
