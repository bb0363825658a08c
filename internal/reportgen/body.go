package reportgen

import (
	"math/rand/v2"
	"strings"
)

// place is a prefecture-level city with its province and some of its counties, districts
// and townships. Names are real place names; the reports about them are invented.
type place struct {
	province, city, domain string
	counties               []string
	towns                  []string
}

var places = []place{
	{"江苏省", "淮安市", "huaian", []string{"洪泽区", "淮阴区", "涟水县", "盱眙县", "金湖县"}, []string{"高良涧街道", "岔河镇", "黄集街道", "老子山镇", "东双沟镇"}},
	{"江苏省", "宿迁市", "suqian", []string{"沭阳县", "泗阳县", "泗洪县", "宿城区", "宿豫区"}, []string{"韩山镇", "庙头镇", "钱集镇", "沭城街道", "扎下镇"}},
	{"河南省", "洛阳市", "luoyang", []string{"瀍河回族区", "涧西区", "孟津区", "新安县", "宜阳县"}, []string{"东关街道", "北窑街道", "平乐镇", "磁涧镇", "城关镇"}},
	{"福建省", "泉州市", "quanzhou", []string{"丰泽区", "洛江区", "惠安县", "安溪县", "永春县"}, []string{"东海街道", "河市镇", "螺城镇", "凤城镇", "桃城镇"}},
	{"浙江省", "湖州市", "huzhou", []string{"吴兴区", "南浔区", "德清县", "长兴县", "安吉县"}, []string{"织里镇", "双林镇", "武康街道", "雉城街道", "递铺街道"}},
	{"湖南省", "怀化市", "huaihua", []string{"鹤城区", "中方县", "沅陵县", "辰溪县", "溆浦县"}, []string{"城北街道", "泸阳镇", "官庄镇", "火马冲镇", "卢峰镇"}},
	{"四川省", "绵阳市", "mianyang", []string{"涪城区", "游仙区", "三台县", "盐亭县", "梓潼县"}, []string{"城厢街道", "石马镇", "潼川镇", "云溪镇", "文昌镇"}},
	{"山东省", "泰安市", "taian", []string{"泰山区", "岱岳区", "宁阳县", "东平县", "肥城市"}, []string{"财源街道", "满庄镇", "磁窑镇", "州城街道", "新城街道"}},
	{"湖北省", "宜昌市", "yichang", []string{"西陵区", "伍家岗区", "夷陵区", "远安县", "兴山县"}, []string{"云集街道", "小溪塔街道", "鸣凤镇", "古夫镇", "大堰乡"}},
	{"安徽省", "宣城市", "xuancheng", []string{"宣州区", "郎溪县", "广德市", "泾县", "宁国市"}, []string{"澄江街道", "建平镇", "桃州镇", "泾川镇", "南山街道"}},
	{"广东省", "湛江市", "zhanjiang", []string{"赤坎区", "霞山区", "麻章区", "遂溪县", "徐闻县"}, []string{"中华街道", "海头街道", "湖光镇", "遂城镇", "徐城街道"}},
	{"陕西省", "渭南市", "weinan", []string{"临渭区", "华州区", "潼关县", "大荔县", "蒲城县"}, []string{"杜桥街道", "杏林镇", "城关街道", "朝邑镇", "罕井镇"}},
}

// departments are government departments, with the word the report uses for itself.
var departments = []struct{ name, self string }{
	{"教育局", "我局"}, {"财政局", "我局"}, {"自然资源和规划局", "我局"}, {"生态环境局", "我局"},
	{"市场监督管理局", "我局"}, {"卫生健康委员会", "我委"}, {"发展和改革委员会", "我委"},
	{"人力资源和社会保障局", "我局"}, {"住房和城乡建设局", "我局"}, {"交通运输局", "我局"},
	{"农业农村局", "我局"}, {"应急管理局", "我局"}, {"统计局", "我局"}, {"审计局", "我局"},
	{"民政局", "我局"}, {"司法局", "我局"}, {"退役军人事务局", "我局"}, {"医疗保障局", "我局"},
	{"政务服务和大数据管理局", "我局"}, {"行政审批局", "我局"}, {"城市管理局", "我局"},
	{"水利局", "我局"}, {"商务局", "我局"}, {"文化广电和旅游局", "我局"}, {"体育局", "我局"},
	{"信访局", "我局"}, {"外事办公室", "我办"}, {"机关事务管理局", "我局"}, {"科学技术局", "我局"},
	{"工业和信息化局", "我局"}, {"公安局", "我局"}, {"林业局", "我局"},
}

// provinceDepartments are departments of a provincial government.
var provinceDepartments = []struct{ name, self string }{
	{"教育厅", "我厅"}, {"财政厅", "我厅"}, {"自然资源厅", "我厅"}, {"生态环境厅", "我厅"}, {"卫生健康委员会", "我委"},
	{"发展和改革委员会", "我委"}, {"人力资源和社会保障厅", "我厅"}, {"住房和城乡建设厅", "我厅"}, {"交通运输厅", "我厅"},
	{"农业农村厅", "我厅"}, {"应急管理厅", "我厅"}, {"统计局", "我局"}, {"审计厅", "我厅"}, {"民政厅", "我厅"},
	{"司法厅", "我厅"}, {"退役军人事务厅", "我厅"}, {"医疗保障局", "我局"}, {"水利厅", "我厅"}, {"商务厅", "我厅"},
	{"文化和旅游厅", "我厅"}, {"体育局", "我局"}, {"信访局", "我局"}, {"外事办公室", "我办"}, {"科学技术厅", "我厅"},
	{"工业和信息化厅", "我厅"}, {"公安厅", "我厅"}, {"市场监督管理局", "我局"}, {"林业局", "我局"},
}

// levelWord is the one-character word for the level of an area: 区, 县, 市.
func levelWord(name string) string {
	switch {
	case strings.HasSuffix(name, "区"):
		return "区"
	case strings.HasSuffix(name, "县"):
		return "县"
	case strings.HasSuffix(name, "市"):
		return "市"
	case strings.HasSuffix(name, "省"):
		return "省"
	}
	return ""
}

func drawBody(rng *rand.Rand) Body {
	p := pick(rng, places...)
	county := pick(rng, p.counties...)
	kind := pick(rng, KindGovernment, KindGovOffice, KindDepartment, KindDepartment, KindDepartment, KindDepartment, KindTownship, KindTownship)
	b := Body{Kind: kind, City: p.city}
	// The level of the area: a county or district, the city, or rarely the province.
	level := pick(rng, "county", "county", "county", "city", "city", "province")
	area, lw := county, levelWord(county)
	switch level {
	case "city":
		area, lw = p.city, "市"
	case "province":
		area, lw = p.province, "省"
	}
	b.Level = level
	b.Region = area
	fullArea := area
	if level == "county" && chance(rng, 0.5) {
		fullArea = p.city + area
	}
	b.Domain = "www." + p.domain + ".gov.cn"
	switch kind {
	case KindGovernment:
		b.Name = fullArea + "人民政府"
		b.Self = pick(rng, lw+"政府", "本"+lw, "我"+lw)
		b.Short = area + "人民政府"
		b.MakesRules = level != "county"
	case KindGovOffice:
		office := "人民政府办公室"
		if level == "province" {
			office = "人民政府办公厅"
		}
		b.Name = fullArea + office
		b.Self = lw + "政府" + strings.TrimPrefix(office, "人民政府")
		b.Short = b.Self
	case KindDepartment:
		d := pick(rng, departments...)
		name := d.name
		if level == "province" {
			d = pick(rng, provinceDepartments...)
			name = d.name
		}
		b.Name = fullArea + name
		b.Self = d.self
		b.Short = lw + shortDept(name)
	case KindTownship:
		b.Level = "town"
		town := pick(rng, p.towns...)
		b.Region = town
		if strings.HasSuffix(town, "街道") {
			b.Name = county + town + "办事处"
			b.Self = pick(rng, "我街道", "本街道")
			b.Short = town + "办事处"
		} else {
			b.Name = county + town + "人民政府"
			w := town[len(town)-len("镇"):]
			b.Self = pick(rng, "我"+w, "本"+w)
			b.Short = town + "人民政府"
		}
	}
	b.Site = fullArea + "人民政府门户网站"
	if kind == KindTownship {
		b.Site = county + "人民政府门户网站"
	}
	return b
}

// shortDept shortens a department's name the way reports do: 自然资源和规划局 → 自然资源规划局.
func shortDept(name string) string {
	name = strings.ReplaceAll(name, "和", "")
	if len([]rune(name)) > 6 {
		r := []rune(name)
		return string(r[:2]) + string(r[len(r)-1:])
	}
	return name
}
