/// One field of the form editor: a value of the scenario at a key path.
public struct FormField: Sendable, Equatable {
  /// The key path, also the form field's name (`tasks.fb20-finanz.fte`).
  public var keyPath: String
  /// The label (German).
  public var label: String
  /// The value as the form shows it (empty: not given).
  public var value: String
  /// The group the field is shown in (`Allgemein`, `Einheiten`, `Aufgabenfamilien`, `Aufgaben`,
  /// `Vorgaben`).
  public var group: String

  /// A field.
  public init(keyPath: String, label: String, value: String, group: String) {
    self.keyPath = keyPath
    self.label = label
    self.value = value
    self.group = group
  }
}
