extension Plan {
  /// The legal form of a provider (a central or shared unit): who carries the work a plan moves
  /// there. It decides where confidential work may go and how a report names the provider.
  public enum LegalForm: String, PlanEnum {
    /// Part of the city itself (a department, an Eigenbetrieb): the default for central units.
    case own
    /// A public body: a Zweckverband, an AöR, another municipality, a Landschaftsverband; the
    /// default for shared providers.
    case publicBody = "public_body"
    /// A private company (also one owned by the city, such as a GmbH).
    case `private`

    /// The legal form a unit of `kind` has when the scenario gives none: `own` for a central
    /// unit, `public_body` for a shared provider, `nil` for units that take over no work.
    public static func implied(by kind: UnitKind) -> LegalForm? {
      switch kind {
      case .central: .own
      case .shared: .publicBody
      default: nil
      }
    }

    /// Whether confidential work (social, tax, personnel data) may go to a provider of this form.
    public var holdsConfidentialWork: Bool { self != .private }
  }
}
