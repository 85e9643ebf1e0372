using System.Text.RegularExpressions;

namespace Kb.Parser.Products;

/// <summary>
/// The product families the archive speaks about, each with the patterns that recognise its
/// names in header products, applies-to lines and title tags. Order matters: the first family
/// whose pattern matches a name wins, so narrower names (Visual FoxPro) come before wider ones
/// (FoxPro). Names the lexicon does not know still become families by <see cref="ProductNames"/>'s
/// generic rule; the lexicon exists to merge the variants of the products with many articles.
/// </summary>
internal static partial class ProductLexicon
{
    /// <summary>A family and the pattern (matched against a cleaned name, without "Microsoft") that finds it.</summary>
    internal sealed record Entry(string Family, Regex Pattern, bool Category = false);

    private static Entry E(string family, string pattern) =>
        new(family, new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled));

    private static Entry C(string family, string pattern) => E(family, pattern) with { Category = true };

    /// <summary>Families in match order.</summary>
    internal static readonly IReadOnlyList<Entry> Entries =
    [
        // Operating systems. Windows 3.x, 95, 98 and Me are versions of one family; NT and 2000 are their own.
        E("Windows NT", @"\bWindows NT\b|^NT\b|^WinNT\b"),
        E("Windows 2000", @"\bWindows 2000\b|^Win2000\b|^W2K\b"),
        E("Windows XP", @"\bWindows XP\b|^WinXP\b"),
        E("Windows Server 2003", @"\bWindows Server 2003\b"),
        E("Windows CE", @"\bWindows CE\b|\bPocket PC\b"),
        E("Windows for Workgroups", @"\bWindows for Workgroups\b|^WFW(G)?\b"),
        E("Windows SDK", @"\bWindows Software Development Kit\b|\bWindows SDK\b|\bWin32 (Software Development Kit|SDK)\b|\bPlatform (Software Development Kit|SDK)\b|\bWin32 Application Programming Interface\b"),
        E("Windows DDK", @"\bDevice Driver Kit\b|\bDriver Development Kit\b|\bDDK\b"),
        E("Windows Sound System", @"\bWindows Sound System\b"),
        E("Plus!", @"^Plus!"),
        E("Windows", @"^Windows\b(?! NT| 2000| XP| Server| CE| for Workgroups)|^Win(95|98|ME|3x)?\b|^W9[58]\b|^Windows$"),
        E("MS-DOS", @"^MS-DOS\b|^Disk Operating System\b|^DOS\b|^MSDOS\b"),
        E("OS/2", @"^OS/2\b|^MS OS/2\b"),
        E("LAN Manager", @"\bLAN Manager\b|^LanMan\b"),
        // Servers.
        E("Exchange", @"\bExchange\b|^X(ADM|CLN|GEN|FOR|CON|WEB|400|IMC)\b"),
        E("Outlook Express", @"\bOutlook Express\b|^OE\b"),
        E("Outlook", @"\bOutlook\b|^OL(9[78]|2000|2002)?\b|^OUT(9[78])?\b"),
        E("Systems Management Server", @"\bSystems Management Server\b|^SMS\b"),
        E("SNA Server", @"\bSNA Server\b|^SNA\b"),
        E("Host Integration Server", @"\bHost Integration Server\b|^HIS\b|\bCOM Transaction Integrator\b"),
        E("Internet Information Server", @"\bInternet Information Serv(er|ices)\b|^IIS\b|\bPersonal Web Server\b"),
        E("Index Server", @"\bIndex Server\b"),
        E("Proxy Server", @"\bProxy Server\b"),
        E("Site Server", @"\bSite Server\b"),
        E("Commerce Server", @"\bCommerce Server\b"),
        E("SQL Server", @"\bSQL Server\b|^SQL\b"),
        E("Small Business Server", @"\bSmall Business Server\b"),
        E("BackOffice", @"\bBackOffice\b"),
        E("Cluster Server", @"\bCluster Server\b"),
        E("Transaction Server", @"\bTransaction Server\b|^MTS\b"),
        E("Message Queue Server", @"\bMessage Queu(e|ing)\b|^MSMQ\b"),
        E("Metadirectory Services", @"\bMetadirectory Services\b"),
        E("File and Print Services for NetWare", @"\bFile and Print Services for NetWare\b"),
        E("Microsoft Mail", @"^Mail\b|^MSMail\b|^PC Mail\b"),
        E("Schedule+", @"\bSchedule\+|^SCHPLUS\b"),
        // Office.
        E("Office", @"^Office\b|^OFF(9[57]|2000|XP)?\b"),
        E("Word", @"^Word\b(?! Front Page)|^WD(9[57]|2000|2002)?\b|^WORD\b|^WinWord\b|^MacWord\b"),
        E("Excel", @"^Excel\b|^XL(9[57]|2000|2002)?\b"),
        E("PowerPoint", @"\bPowerPoint\b|^PPT(9[57]|2000)?\b"),
        E("Access", @"^Access\b|^ACC(9[57]|2000|2002)?\b"),
        E("Project", @"^Project\b|^PRJ\b"),
        E("Publisher", @"^Publisher\b|^PUB\b"),
        E("Works", @"^Works\b"),
        E("FrontPage", @"\bFront ?Page\b|^FP(9[78]|2000)?\b"),
        E("Internet Explorer", @"\bInternet Explorer\b|^IE\b"),
        E("NetMeeting", @"\bNetMeeting\b"),
        // Development tools.
        E("Visual FoxPro", @"\bVisual FoxPro\b|^VFP\b"),
        E("FoxPro", @"\bFoxPro\b|\bFoxBASE\b|^FOX\b|^FP(W|D|M)\b"),
        E("Visual Basic for Applications", @"\bVisual Basic for Applications\b|^VBA\b"),
        E("Visual Basic", @"\bVisual Basic\b|^VB(3|4|5|6|WIN)?\b"),
        E("Visual C++", @"\bVisual C\+\+|^VC(PP)?\+*\b|\bFoundation Class|^MFC\b|\bActive Template Library\b"),
        E("Visual J++", @"\bVisual J\+\+"),
        E("Visual InterDev", @"\bVisual InterDev\b"),
        E("Visual SourceSafe", @"\bSourceSafe\b|^VSS\b"),
        E("Visual Studio", @"\bVisual Studio\b"),
        E("QuickC", @"\bQuick ?C\b"),
        E("QuickBASIC", @"\bQuick ?BASIC\b|^QB(X)?\b"),
        E("GW-BASIC", @"\bGW-BASIC\b"),
        E("BASIC Professional Development System", @"\bBASIC (Professional Development System|PDS)\b|^Professional Development System\b|^(Development )?System \(PDS\)|^PDS\b"),
        E("BASIC Compiler", @"\bBASIC Compiler\b|^BASIC\b"),
        E("Macro Assembler", @"\bMacro Assembler\b|\bMASM\b|\bQuick Assembler\b"),
        E("Fortran", @"\bFORTRAN\b"),
        E("Pascal", @"\bPascal\b"),
        E("COBOL", @"\bCOBOL\b"),
        E("C Compiler", @"^C(/C\+\+)?( Compiler| Run-Time| for|(?= [0-9]))|^C\b|\bC/C\+\+ Compiler|\bC compiler\b|\bCL\.EXE\b|\bCodeView\b|^CV\b|\bProgrammer's Workbench\b|^PWB\b"),
        E("Programming Utilities", @"\bNMAKE\b|\bLINK\b|\bHELPMAKE\b|\bLIB Utility\b|\bProgramming Utilities\b"),
        E("Data Access Components", @"\bData Access Components\b|^MDAC\b|\bOLE DB\b|\bActiveX Data Objects\b|^ADO\b"),
        E("ODBC", @"\bOpen Database Connectivity\b|\bODBC\b"),
        E("DirectX", @"\bDirectX\b|\bDirect3D\b|\bDirectDraw\b"),
        E("XML", @"^XML\b|\bXML Parser\b"),
        // Consumer products.
        E("Encarta", @"\bEncarta\b"),
        E("Bookshelf", @"\bBookshelf\b"),
        E("Combat Flight Simulator", @"\bCombat Flight Simulator\b"),
        E("Flight Simulator", @"\bFlight Simulator\b"),
        E("Age of Empires", @"\bAge of Empires\b"),
        E("MapPoint", @"\bMapPoint\b"),
        E("Streets and Trips", @"\bStreets (and|&) Trips\b|\bStreets Plus\b"),
        E("Money", @"^Money\b"),
        E("Picture It!", @"\bPicture It!"),
        E("SideWinder", @"\bSideWinder\b"),
        E("Mouse", @"\bMouse\b|\bIntelliMouse\b|\bBallPoint\b"),
        E("The Microsoft Network", @"^Network$|^MSN\b"),
        E("Microsoft Press", @"^MSPRESS\b|^Press\b"),
        E("Microsoft Systems Journal", @"\bSystems Journal\b|^MSJ\b"),
        E("Developer Network", @"\bDeveloper Network\b|^MSDN\b"),
        E("Automap", @"\bAutomap\b"),
        E("TCP/IP-32", @"\bTCP/IP-32\b"),
        // The archive's listing titles that name groups of products rather than one product.
        C("Home Games", @"^Home Games$"),
        C("Home Multimedia Titles", @"^Home Multimedia Titles$"),
        C("Home Kids Products", @"^Home Kids Products$"),
        C("Home Miscellaneous Products", @"^Home Miscellaneous Products$"),
        C("Fox Miscellaneous Products", @"^Fox Miscellaneous Products$"),
        C("Miscellaneous Windows Products", @"^Miscellaneous Windows Products$"),
        C("Miscellaneous Software Development Kits", @"^Miscellaneous Software Development Kits$"),
        C("Product Support Information", @"^Product Support Information$"),
        C("Mastering Series", @"^Mastering Series$"),
        C("Windows Printing", @"^Windows Printing Issues$"),
        C("Windows Networking", @"^Windows for Workgroups and Windows NT Networking Issues$"),
        C("Access Distribution Kit", @"^Access Distribution Kit$"),
        C("Programmer's Library", @"^Programmer's Library\b"),
    ];

    /// <summary>The archive's product listing codes (<c>id/&lt;code&gt;/</c>) and the family each one stands for.</summary>
    internal static readonly IReadOnlyDictionary<string, string> ListingCodes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["mspl13_basic"] = "QuickBASIC",
        ["mspl13_c"] = "C Compiler",
        ["mspl13_masm"] = "Macro Assembler",
    };

    /// <summary>The first family whose pattern matches <paramref name="cleaned"/>, with where the match ends.</summary>
    internal static (Entry Entry, Match Match)? Find(string cleaned)
    {
        // Group titles are whole names and come first: "Windows for Workgroups and Windows NT Networking Issues" is not Windows NT.
        foreach (var e in Entries.Where(e => e.Category).Concat(Entries.Where(e => !e.Category)))
        {
            var m = e.Pattern.Match(cleaned);
            if (m.Success)
            {
                return (e, m);
            }
        }

        return null;
    }

    /// <summary>The entry of a canonical family name.</summary>
    internal static Entry? Named(string family) => Entries.FirstOrDefault(e => e.Family.Equals(family, StringComparison.Ordinal));
}
