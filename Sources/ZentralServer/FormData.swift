import Foundation

/// The fields of a POST body: `application/x-www-form-urlencoded` or `multipart/form-data`, parsed
/// from the collected bytes. A multipart part with a `filename` is a file; its name is kept only
/// to be shown (never used as a path).
struct FormData: Sendable {
  /// One file of a multipart body.
  struct File: Sendable {
    /// The file name the browser sent.
    var fileName: String
    /// The bytes.
    var data: Data
  }

  /// The text fields in body order (a name may repeat).
  private(set) var fields: [(name: String, value: String)] = []
  /// The files by field name.
  private(set) var files: [String: File] = [:]

  /// The most parts a multipart body may have.
  static let partLimit = 2_000

  /// The first value of field `name`.
  subscript(name: String) -> String? { fields.first { $0.name == name }?.value }

  /// Parses `body` by its `contentType`; an unknown type gives no fields.
  ///
  /// - Throws: ``FormError`` for a malformed multipart body.
  init(body: Data, contentType: String?) throws(FormError) {
    let type = (contentType ?? "").lowercased()
    if type.hasPrefix("application/x-www-form-urlencoded") {
      fields = Self.urlEncoded(String(decoding: body, as: UTF8.self))
    } else if type.hasPrefix("multipart/form-data") {
      guard let boundary = Self.boundary(of: contentType ?? "") else { throw .malformed("ohne boundary") }
      try parseMultipart(body, boundary: boundary)
    }
  }

  /// `a=1&b=x+y` → [("a", "1"), ("b", "x y")].
  static func urlEncoded(_ text: String) -> [(name: String, value: String)] {
    text.split(separator: "&").compactMap { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let rawName = parts.first else { return nil }
      func decode(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
      }
      return (decode(rawName), parts.count > 1 ? decode(parts[1]) : "")
    }
  }

  private static func boundary(of contentType: String) -> String? {
    for parameter in contentType.split(separator: ";").dropFirst() {
      let pair = parameter.trimmingCharacters(in: .whitespaces)
      if pair.lowercased().hasPrefix("boundary=") {
        var value = String(pair.dropFirst("boundary=".count))
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
          value = String(value.dropFirst().dropLast())
        }
        return value.isEmpty || value.count > 200 ? nil : value
      }
    }
    return nil
  }

  private mutating func parseMultipart(_ body: Data, boundary: String) throws(FormError) {
    let delimiter = Data("--\(boundary)".utf8)
    let bytes = [UInt8](body)
    var positions: [Int] = []
    var searchFrom = 0
    while let found = Self.find(Array(delimiter), in: bytes, from: searchFrom) {
      positions.append(found)
      searchFrom = found + delimiter.count
      if positions.count > Self.partLimit + 1 { throw .malformed("mit zu vielen Teilen") }
    }
    guard positions.count >= 2 else { throw .malformed("ohne Teile") }
    for (start, end) in zip(positions, positions.dropFirst()) {
      var partStart = start + delimiter.count
      // Skip the CRLF after the delimiter.
      if partStart + 1 < bytes.count, bytes[partStart] == 13, bytes[partStart + 1] == 10 { partStart += 2 }
      var partEnd = end
      if partEnd - 2 >= partStart, bytes[partEnd - 2] == 13, bytes[partEnd - 1] == 10 { partEnd -= 2 }
      guard partStart <= partEnd else { continue }
      let part = Array(bytes[partStart..<partEnd])
      guard let headerEnd = Self.find([13, 10, 13, 10], in: part, from: 0) else {
        throw .malformed("ohne Kopfzeilen")
      }
      let header = String(decoding: part[0..<headerEnd], as: UTF8.self)
      let content = Data(part[(headerEnd + 4)...])
      var name: String?
      var fileName: String?
      for line in header.components(separatedBy: "\r\n")
      where line.lowercased().hasPrefix("content-disposition:") {
        name = Self.parameter("name", in: line)
        fileName = Self.parameter("filename", in: line)
      }
      guard let name else { continue }
      if let fileName {
        if !fileName.isEmpty || !content.isEmpty { files[name] = File(fileName: fileName, data: content) }
      } else {
        fields.append((name, String(decoding: content, as: UTF8.self)))
      }
    }
  }

  private static func parameter(_ key: String, in line: String) -> String? {
    for piece in line.split(separator: ";").dropFirst() {
      let pair = piece.trimmingCharacters(in: .whitespaces)
      guard pair.hasPrefix(key + "=") else { continue }
      var value = String(pair.dropFirst(key.count + 1))
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
        value = String(value.dropFirst().dropLast())
      }
      return value
    }
    return nil
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
      return nil
    }
    var index = start
    let last = haystack.count - needle.count
    let first = needle[0]
    while index <= last {
      if haystack[index] == first {
        var matches = true
        for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
          matches = false
          break
        }
        if matches { return index }
      }
      index += 1
    }
    return nil
  }
}

/// A POST body that cannot be read as a form.
enum FormError: Error, Equatable {
  /// A multipart body that is not well formed (the text says how).
  case malformed(String)
}
