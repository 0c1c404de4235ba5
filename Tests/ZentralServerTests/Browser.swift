import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A browser over a test client: keeps the session cookie and the page's CSRF token, sends forms
/// and multipart uploads as a browser does.
struct Browser {
  let client: any TestClientProtocol
  /// The session cookie's value.
  var cookie: String?
  /// The CSRF token of the last page.
  var csrf: String?

  init(_ client: any TestClientProtocol) { self.client = client }

  /// GET `uri` (as JSON when `json`); notes the cookie and the page's CSRF token.
  @discardableResult
  mutating func get(
    _ uri: String, json: Bool = false, headers extra: HTTPFields = [:]
  ) async throws -> TestResponse {
    var headers = extra
    if json { headers[.accept] = "application/json" }
    if let cookie { headers[.cookie] = "zentral_session=\(cookie)" }
    let response = try await client.executeRequest(uri: uri, method: .get, headers: headers, body: nil)
    note(response)
    return response
  }

  /// POST a url-encoded form; the CSRF token is added unless `csrf` is false.
  @discardableResult
  mutating func post(
    _ uri: String, form: [(String, String)], csrf withToken: Bool = true, json: Bool = false,
    token: String? = nil
  ) async throws -> TestResponse {
    var fields = form
    if withToken { fields.append(("_csrf", token ?? csrf ?? "")) }
    let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    var headers = HTTPFields()
    headers[.contentType] = "application/x-www-form-urlencoded"
    if json { headers[.accept] = "application/json" }
    if let cookie { headers[.cookie] = "zentral_session=\(cookie)" }
    let response = try await client.executeRequest(
      uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    note(response)
    return response
  }

  /// Uploads the shipped seed `scenarios/NAME.yaml` under its own file name.
  @discardableResult
  mutating func uploadSeed(_ name: String) async throws -> TestResponse {
    try await upload(
      "/scenarios", files: [("file", "\(name).yaml", ServeFixture.file("scenarios/\(name).yaml"))])
  }

  /// POST a multipart form with text `fields` and `files` (field name, file name, bytes).
  @discardableResult
  mutating func upload(
    _ uri: String, fields: [(String, String)] = [], files: [(String, String, Data)],
    csrf withToken: Bool = true
  ) async throws -> TestResponse {
    let boundary = "----zentral\(UUID().uuidString)"
    var body = Data()
    var all = fields
    if withToken { all.append(("_csrf", csrf ?? "")) }
    for (name, value) in all {
      body.append(
        Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
    }
    for (name, fileName, data) in files {
      body.append(
        Data(
          "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            .utf8))
      body.append(data)
      body.append(Data("\r\n".utf8))
    }
    body.append(Data("--\(boundary)--\r\n".utf8))
    var headers = HTTPFields()
    headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
    if let cookie { headers[.cookie] = "zentral_session=\(cookie)" }
    let response = try await client.executeRequest(
      uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    note(response)
    return response
  }

  private mutating func note(_ response: TestResponse) {
    for value in response.headers[values: .setCookie] where value.hasPrefix("zentral_session=") {
      let cookieValue = value.dropFirst("zentral_session=".count).prefix { $0 != ";" }
      cookie = cookieValue.isEmpty ? nil : String(cookieValue)
    }
    let text = String(buffer: response.body)
    if let range = text.range(of: "<meta name=\"csrf-token\" content=\"") {
      csrf = String(text[range.upperBound...].prefix { $0 != "\"" })
    }
  }

  private static func encode(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }
}

extension TestResponse {
  /// The body's bytes.
  var data: Data { Data(body.readableBytesView) }
}
