package output

import (
	"cmp"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
)

// SARIF 2.1.0, as GitHub code scanning and the VS Code SARIF viewer read it. The structs
// cover only what reportlint writes; empty optional members are left out, and arrays that
// must be present are never null.

// SARIFSchema is the schema URI written into every log.
const SARIFSchema = "https://json.schemastore.org/sarif-2.1.0.json"

// The log itself (schema, version, one run with tool, columnKind, results and
// invocations) is written piece by piece by sarifReporter, so results stream.

// The driver is reportlint itself and holds every rule of every pack in use, each with its
// pack (name@version) in properties.pack: the validators (Sarif.Multitool's SARIF1009) and
// GitHub code scanning look for a result's rule, by ruleIndex, in tool.driver.rules. Two
// packs may define the same rule id differently (FMT-EDITION asks for the 2021 format in one
// and the 2019 format in the other); the rules array then holds the id twice, once per pack,
// as SARIF allows, and ruleIndex tells them apart. Each pack is also an extension (a tool
// component with its name and version) so that the log records which pack versions ran.
type sarifTool struct {
	Driver     sarifComponent   `json:"driver"`
	Extensions []sarifExtension `json:"extensions,omitempty"`
}

type sarifComponent struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri,omitempty"`
	Rules           []sarifRule `json:"rules"`
}

// sarifExtension is a rule pack as a tool component: its identity and version. Its rules
// are in the driver's rules, where the validators look for them.
type sarifExtension struct {
	Name            string `json:"name"`
	Version         string `json:"version,omitempty"`
	SemanticVersion string `json:"semanticVersion,omitempty"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name,omitempty"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 *sarifMultiformat  `json:"help,omitempty"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags      []string `json:"tags"`
	Precision string   `json:"precision"`
	Pack      string   `json:"pack"`
	Engine    string   `json:"engine"`
	Source    string   `json:"source,omitempty"`
	Since     string   `json:"since,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           *int              `json:"ruleIndex,omitempty"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          *sarifResultProps `json:"properties,omitempty"`
}

type sarifResultProps struct {
	NotAssessable bool     `json:"notAssessable,omitempty"`
	Expected      string   `json:"expected,omitempty"`
	Actual        string   `json:"actual,omitempty"`
	Pack          string   `json:"pack,omitempty"`
	Tags          []string `json:"tags,omitempty"`
	// The document's body, body kind, region, year and edition (finding.About).
	*finding.About
}

type sarifLocation struct {
	ID               *int                   `json:"id,omitempty"`
	PhysicalLocation *sarifPhysical         `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
	Message          *sarifText             `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int               `json:"startLine,omitempty"`
	StartColumn int               `json:"startColumn,omitempty"`
	EndLine     int               `json:"endLine,omitempty"`
	EndColumn   int               `json:"endColumn,omitempty"`
	Snippet     *sarifText        `json:"snippet,omitempty"`
	Properties  *sarifRegionProps `json:"properties,omitempty"`
}

type sarifRegionProps struct {
	Page int    `json:"page,omitempty"`
	Ref  string `json:"ref,omitempty"`
}

type sarifLogicalLocation struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level      string          `json:"level"`
	Message    sarifText       `json:"message"`
	Locations  []sarifLocation `json:"locations,omitempty"`
	Descriptor *sarifDescRef   `json:"descriptor,omitempty"`
}

type sarifDescRef struct {
	ID string `json:"id"`
}

// sarifReporter streams one SARIF log with one run: the tool and its rules first, then
// every result as it arrives, then the invocation with a notification per unreadable
// document.
type sarifReporter struct {
	w       io.Writer
	version string
	// workDir resolves relative document paths; root is the folder artifact URIs are
	// relative to (%SRCROOT%). Either may be empty: paths are then taken as they are.
	workDir, root string
	// index finds a rule's place in the driver's rules by pack (name@version) and id.
	index map[[2]string]int
	n     int
	notes []sarifNotification
}

// sarifBaseID names the folder relative artifact URIs start from.
const sarifBaseID = "%SRCROOT%"

func (s *sarifReporter) Begin(rules []finding.Rule) error {
	s.index = map[[2]string]int{}
	tool := sarifTool{Driver: sarifComponent{
		Name: "reportlint", Version: s.version, SemanticVersion: s.version,
		InformationURI: "https://github.com/reportlint/reportlint",
		Rules:          []sarifRule{},
	}}
	// Rules sorted by id, then pack, so the same rules give the same log in any order.
	sorted := slices.Clone(rules)
	slices.SortStableFunc(sorted, func(a, b finding.Rule) int {
		return cmp.Or(strings.Compare(a.ID, b.ID), strings.Compare(a.Pack, b.Pack))
	})
	packs := map[string]bool{}
	for _, r := range sorted {
		key := [2]string{r.Pack, r.ID}
		if _, dup := s.index[key]; dup {
			continue
		}
		s.index[key] = len(tool.Driver.Rules)
		tool.Driver.Rules = append(tool.Driver.Rules, sarifRuleOf(r))
		if r.Pack != "" && !packs[r.Pack] {
			packs[r.Pack] = true
			name, version, _ := strings.Cut(r.Pack, "@")
			tool.Extensions = append(tool.Extensions, sarifExtension{Name: name, Version: version, SemanticVersion: version})
		}
	}
	slices.SortFunc(tool.Extensions, func(a, b sarifExtension) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.Version, b.Version))
	})
	b, err := json.Marshal(tool)
	if err != nil {
		return err
	}
	head := `{"$schema":"` + SARIFSchema + `","version":"2.1.0","runs":[{"tool":` + string(b)
	if s.root != "" {
		base, err := json.Marshal(map[string]sarifBase{sarifBaseID: {
			URI:         rootURI(s.root),
			Description: sarifText{"The repository root: the Git work tree reportlint ran in, or --sarif-root."},
		}})
		if err != nil {
			return err
		}
		head += `,"originalUriBaseIds":` + string(base)
	}
	head += `,"columnKind":"unicodeCodePoints","results":[`
	_, err = io.WriteString(s.w, head)
	return err
}

// sarifBase is an artifactLocation in originalUriBaseIds: an absolute folder URI.
type sarifBase struct {
	URI         string    `json:"uri"`
	Description sarifText `json:"description"`
}

// sarifRuleOf is a rule's reportingDescriptor.
func sarifRuleOf(r finding.Rule) sarifRule {
	full := r.Description
	if full == "" {
		full = r.Title
	}
	sr := sarifRule{
		ID: r.ID, Name: ruleName(r.ID),
		ShortDescription:     sarifText{r.Title},
		FullDescription:      sarifText{full},
		HelpURI:              r.HelpURI,
		DefaultConfiguration: sarifConfiguration{Level: string(r.Level)},
		Properties: sarifRuleProps{
			Tags: nonNil(r.Tags), Precision: "high", Pack: r.Pack, Engine: r.Engine,
			Source: r.Source, Since: r.Since,
		},
	}
	if r.Help != "" {
		sr.Help = &sarifMultiformat{Text: r.Help, Markdown: r.Help}
	} else {
		sr.Help = &sarifMultiformat{Text: full}
	}
	return sr
}

// ruleName turns T3-ROW-SUM into the SARIF name T3RowSum (PascalCase, as SARIF suggests).
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + strings.ToLower(part[1:]))
	}
	return b.String()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (s *sarifReporter) Result(r finding.Result) error {
	uri := s.uri(r.Path)
	if r.Err != nil {
		s.notes = append(s.notes, sarifNotification{
			Level:      "error",
			Message:    sarifText{i18n.Sprintf("无法读取 %s：%s", r.Path, r.Err.Error())},
			Locations:  []sarifLocation{{PhysicalLocation: &sarifPhysical{ArtifactLocation: artifact(uri)}}},
			Descriptor: &sarifDescRef{ID: "reportlint/unreadable"},
		})
	}
	for _, f := range r.Findings {
		res := sarifResult{
			RuleID: f.RuleID, Level: string(f.Level), Message: sarifText{f.Message},
			Locations:           []sarifLocation{s.location(uri, f.Location, nil, true)},
			PartialFingerprints: map[string]string{"reportlint/v1": f.Fingerprint},
			Properties:          &sarifResultProps{NotAssessable: f.NotAssessable, Expected: f.Expected, Actual: f.Actual, Pack: f.Pack, Tags: f.Tags, About: r.About},
		}
		if i, ok := s.index[[2]string{f.Pack, f.RuleID}]; ok {
			res.RuleIndex = &i
		}
		for i, rel := range f.Related {
			id := i + 1
			res.RelatedLocations = append(res.RelatedLocations, s.location(uri, rel, &id, false))
		}
		b, err := json.Marshal(res)
		if err != nil {
			return err
		}
		sep := ""
		if s.n > 0 {
			sep = ","
		}
		s.n++
		if _, err := io.WriteString(s.w, sep+string(b)); err != nil {
			return err
		}
	}
	return nil
}

func (s *sarifReporter) location(uri string, l finding.Location, id *int, logical bool) sarifLocation {
	if l.Path != "" {
		uri = s.uri(l.Path) // a related place may be in another document
	}
	loc := sarifLocation{ID: id, PhysicalLocation: &sarifPhysical{ArtifactLocation: artifact(uri)}}
	st, en := l.Span.Start, l.Span.End
	if st.Line > 0 {
		reg := &sarifRegion{StartLine: st.Line, StartColumn: max(st.Col, 1)}
		if en.Line >= st.Line && (en.Line > st.Line || en.Col > st.Col) && en.Page == st.Page {
			reg.EndLine = en.Line
			reg.EndColumn = en.Col
		}
		if l.Snippet != "" {
			reg.Snippet = &sarifText{l.Snippet}
		}
		if st.Page > 0 || st.Ref != "" {
			reg.Properties = &sarifRegionProps{Page: st.Page, Ref: st.Ref}
		}
		loc.PhysicalLocation.Region = reg
	}
	if l.Logical != "" && logical {
		loc.LogicalLocations = []sarifLogicalLocation{{FullyQualifiedName: l.Logical, Kind: l.LogicalKind}}
	}
	msg := ""
	if !logical {
		msg = relatedName(l) // a related place by its name: 表三/（七）总计/自然人“0”：…
	}
	// A PDF has pages, not the lines of its extracted text: say the page in the location's
	// message, which SARIF viewers show beside the location (region.properties.page keeps
	// it for programs).
	if st.Line > 0 && st.Page > 0 {
		page := pageLabel(st.Page)
		if msg == "" {
			msg = page
		} else {
			msg = i18n.Sprintf("%s（%s）", msg, page)
		}
	}
	if msg != "" {
		loc.Message = &sarifText{msg}
	}
	return loc
}

// artifact locates a document: a relative URI is relative to %SRCROOT% (the repository
// root, declared in originalUriBaseIds); an absolute file: URI, for a document outside the
// root, stands alone.
func artifact(uri string) sarifArtifact {
	if strings.HasPrefix(uri, "file:") {
		return sarifArtifact{URI: uri}
	}
	return sarifArtifact{URI: uri, URIBaseID: sarifBaseID}
}

// uri makes a document path a URI: relative to the root (forward slashes, percent-encoded)
// when the document is inside it, else an absolute file: URI. A relative path is relative
// to the working directory, which may be a subfolder of the root.
func (s *sarifReporter) uri(path string) string {
	p := path
	if !filepath.IsAbs(p) && s.workDir != "" {
		p = filepath.Join(s.workDir, p)
	}
	if filepath.IsAbs(p) {
		if s.root != "" {
			if rel, err := filepath.Rel(s.root, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return relURI(rel)
			}
		}
		return fileURI(p)
	}
	return relURI(p)
}

// relURI is a relative path as a relative URI reference.
func relURI(p string) string {
	return (&url.URL{Path: filepath.ToSlash(filepath.Clean(p))}).EscapedPath()
}

// fileURI is an absolute path as a file: URI (file:///C:/x on Windows).
func fileURI(p string) string {
	p = filepath.ToSlash(filepath.Clean(p))
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// rootURI is the root folder as an absolute file: URI ending in a slash, as
// originalUriBaseIds requires.
func rootURI(root string) string {
	u := fileURI(root)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

func (s *sarifReporter) End(Summary) error {
	inv := sarifInvocation{ExecutionSuccessful: len(s.notes) == 0, ToolExecutionNotifications: s.notes}
	if inv.ToolExecutionNotifications == nil {
		inv.ToolExecutionNotifications = []sarifNotification{}
	}
	b, err := json.Marshal([]sarifInvocation{inv})
	if err != nil {
		return err
	}
	_, err = io.WriteString(s.w, `],"invocations":`+string(b)+"}]}\n")
	return err
}
