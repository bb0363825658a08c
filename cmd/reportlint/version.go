package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/engine/i18n"
)

// Build stamps, set by `make dist` with -ldflags "-X main.Version=... -X main.Commit=...
// -X main.Date=...". Left empty, they come from the build information Go records: the
// module version for `go install ...@version`, the VCS revision and time for a build in a
// Git checkout.
var (
	Version string
	Commit  string
	Date    string
)

// baseVersion is the version of this source tree; a build that is neither stamped nor
// installed by version is a development build of it (semantic-version build metadata).
const baseVersion = "0.1.0"

// buildInfo describes this binary.
type buildInfo struct {
	Version   string   `json:"version"`
	Commit    string   `json:"commit"`
	Date      string   `json:"date"`
	GoVersion string   `json:"goVersion"`
	Platform  string   `json:"platform"`
	Packs     []string `json:"packs"`
}

// readBuildInfo gathers the stamps, falling back on what Go recorded, then on "unknown".
func readBuildInfo() buildInfo {
	b := buildInfo{Version: Version, Commit: Commit, Date: Date, GoVersion: runtime.Version(),
		Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if info, ok := debug.ReadBuildInfo(); ok {
		if v := info.Main.Version; b.Version == "" && v != "" && v != "(devel)" {
			b.Version = strings.TrimPrefix(v, "v")
		}
		settings := map[string]string{}
		for _, s := range info.Settings {
			settings[s.Key] = s.Value
		}
		if b.Commit == "" && settings["vcs.revision"] != "" {
			b.Commit = settings["vcs.revision"]
			if settings["vcs.modified"] == "true" {
				b.Commit += "-dirty"
			}
		}
		if b.Date == "" {
			b.Date = settings["vcs.time"]
		}
	}
	if b.Version == "" {
		b.Version = baseVersion + "+devel"
	}
	if b.Commit == "" {
		b.Commit = "unknown"
	}
	if b.Date == "" {
		b.Date = "unknown"
	}
	for _, ref := range bundledPackRefs() {
		if strings.Contains(ref, "@") {
			b.Packs = append(b.Packs, ref)
		}
	}
	return b
}

// toolVersion is reportlint's version as SARIF, JSON and --version give it.
func toolVersion() string { return readBuildInfo().Version }

// NewCmdVersion builds the version command.
func NewCmdVersion(io *IOStreams) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "version",
		Short: i18n.T("Print the version, commit, build date, Go version and bundled rule packs"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			b := readBuildInfo()
			if asJSON {
				data, err := json.MarshalIndent(b, "", "  ")
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(io.Out, "%s\n", data)
				return err
			}
			_, err := fmt.Fprint(io.Out, i18n.Sprintf("reportlint %s\ncommit:   %s\nbuilt:    %s\ngo:       %s (%s)\npacks:    %s\n",
				b.Version, b.Commit, b.Date, b.GoVersion, b.Platform, strings.Join(b.Packs, ", ")))
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, i18n.T("print the build information as JSON"))
	return cmd
}
