package lint

import "testing"

func TestBodyKindAndRegion(t *testing.T) {
	for _, c := range []struct{ name, kind, region string }{
		{"上海市规划和自然资源局", KindDepartment, "上海市"},
		{"上海市人民政府办公厅", KindGovernmentOffice, "上海市"},
		{"淮安市洪泽区人民政府", KindPeopleGovernment, "淮安市洪泽区"},
		{"洪泽区", KindPeopleGovernment, "洪泽区"},
		{"沭阳县", KindPeopleGovernment, "沭阳县"},
		{"福建省平潭综合实验区管委会", KindZone, "福建省平潭综合实验区"},
		{"沭阳县贤官镇人民政府", KindTownship, "沭阳县"},
		{"南京市玄武区梅园新村街道办事处", KindTownship, "南京市玄武区"},
		{"广州市城市管理和综合执法局", KindDepartment, "广州市"},
		{"郑州市市场监督管理局", KindDepartment, "郑州市"},
		{"宁夏回族自治区卫生健康委员会", KindDepartment, "宁夏回族自治区"},
		{"中华人民共和国教育部", KindOther, ""},
		{"国家统计局", KindDepartment, ""},
		{"某某社区", KindOther, ""},
		{"沛县", KindPeopleGovernment, "沛县"},
		{"", "", ""},
	} {
		if got := BodyKind(c.name); got != c.kind {
			t.Errorf("BodyKind(%q) = %q, want %q", c.name, got, c.kind)
		}
		if got := Region(c.name); got != c.region {
			t.Errorf("Region(%q) = %q, want %q", c.name, got, c.region)
		}
	}
}

func TestPathRegion(t *testing.T) {
	for path, want := range map[string]string{
		"reports/上海市/浦东新区/2023.txt": "浦东新区",
		"reports/上海市/2023.txt":      "上海市",
		"reports/2023.txt":          "",
		"2023.txt":                  "",
	} {
		if got := pathRegion(path); got != want {
			t.Errorf("pathRegion(%q) = %q, want %q", path, got, want)
		}
	}
}
