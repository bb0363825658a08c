package lint

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/profile"
)

// Body kinds, as the packs classify bodies (rules/govinfo-common/lib/body.rego).
const (
	KindPeopleGovernment = "people_government"
	KindGovernmentOffice = "government_office"
	KindDepartment       = "department"
	KindTownship         = "township"
	KindZone             = "zone"
	KindOther            = "other"
)

// about describes the document from its facts: the body the title names, what kind of
// body it is, its region (from the name, else from a folder of the path), the year and
// the edition.
func about(f *profile.Facts) *finding.About {
	a := &finding.About{Year: f.Report.Year, Edition: f.Edition.Detected}
	if f.Report.Title != nil {
		if b, ok := f.Report.Title.Fields["body"]; ok {
			a.Body = strings.TrimSpace(b.Text)
		}
	}
	if a.Body != "" {
		a.BodyKind = BodyKind(a.Body)
		a.Region = Region(a.Body)
	}
	if a.Region == "" {
		a.Region = pathRegion(f.Source.Path)
	}
	return a
}

var (
	reOffice     = regexp.MustCompile(`政府(办公厅|办公室)$`)
	reTownship   = regexp.MustCompile(`(乡|镇|苏木)(人民政府|政府)?$|街道(办事处)?$`)
	reZone       = regexp.MustCompile(`(实验区|试验区|开发区|示范区|新区|高新区|园区|合作区|保税区|管委会|管理委员会)$`)
	reGovernment = regexp.MustCompile(`政府$`)
	reRegionOnly = regexp.MustCompile(`^[^局委办厅室院署所馆站队会处部司社]{1,24}(省|自治区|市|自治州|州|地区|盟|县|自治县|旗|自治旗|区|特别行政区)$`)
	reNotRegion  = regexp.MustCompile(`(社区|景区|校区|片区|矿区|林区|库区|小区|辖区)$`)
	reDepartment = regexp.MustCompile(`(局|委|委员会|办|办公室|厅|中心|院|署|所|馆|站|队|会)$`)
)

// BodyKind classifies a body by its name as the packs do: people_government (a people's
// government, or a region's name alone), government_office (a government's general
// office), township (乡, 镇, 街道), zone (a development zone or its management committee),
// department (a department or agency), other.
func BodyKind(name string) string {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return ""
	case reOffice.MatchString(name):
		return KindGovernmentOffice
	case reTownship.MatchString(name):
		return KindTownship
	case reZone.MatchString(name):
		return KindZone
	case reGovernment.MatchString(name):
		return KindPeopleGovernment
	case reRegionOnly.MatchString(name) && !reNotRegion.MatchString(name):
		return KindPeopleGovernment
	case reDepartment.MatchString(name):
		return KindDepartment
	}
	return KindOther
}

// regionUnits are the suffixes of administrative units, longest first.
var regionUnits = []string{"特别行政区", "自治区", "自治州", "自治县", "自治旗", "实验区", "试验区", "开发区", "示范区", "合作区", "地区", "省", "市", "州", "盟", "县", "旗", "区"}

// notStem are characters that do not occur in the name of a region but end or make up
// the names of departments (城市管理局 is not the region 城市).
const notStem = "局委办厅室院署所馆站队会处部司社府"

// Region returns the administrative region a body's name begins with: the run of
// administrative units at its start (上海市, 福建省平潭综合实验区, 淮安市洪泽区), or "".
func Region(name string) string {
	rest := strings.TrimSpace(name)
	region := ""
	for rest != "" {
		n := unitPrefix(rest)
		if n == 0 {
			break
		}
		region += rest[:n]
		rest = rest[n:]
	}
	if reNotRegion.MatchString(region) {
		return ""
	}
	return region
}

// unitPrefix returns the length in bytes of the administrative unit s begins with (a stem
// of one to ten characters and a unit suffix), or 0. A one-character stem is taken only
// before 县 (沛县); 城市, 市市场 are not regions.
func unitPrefix(s string) int {
	stem := 0
	for i, r := range s {
		if stem >= 10 || strings.ContainsRune(notStem, r) || strings.HasPrefix(s[i:], "人民") || strings.HasPrefix(s[i:], "政府") {
			return 0
		}
		if stem >= 1 {
			for _, u := range regionUnits {
				if !strings.HasPrefix(s[i:], u) {
					continue
				}
				if stem == 1 && u != "县" {
					break
				}
				end := i + len(u)
				if reNotRegion.MatchString(s[:end]) {
					return 0
				}
				return end
			}
		}
		stem++
	}
	return 0
}

// pathRegion returns the nearest folder of path whose whole name is a region (上海市,
// 浦东新区), or "".
func pathRegion(path string) string {
	dir := filepath.Dir(filepath.ToSlash(path))
	parts := strings.Split(dir, "/")
	for i := len(parts) - 1; i >= 0; i-- {
		p := parts[i]
		if p != "" && Region(p) == p {
			return p
		}
	}
	return ""
}
