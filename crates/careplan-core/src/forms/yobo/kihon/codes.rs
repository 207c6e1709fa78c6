//! The code lists of the 利用者基本情報, with the codes UPKIHON and
//! UPKIHON_SUB2 write (YOBO.md §5).

crate::code_enum! {
    /// 相談方法.
    pub enum ConsultationMethod {
        /// 来所.
        Visit = "visit", "来所", csv "01";
        /// 電話.
        Phone = "phone", "電話", csv "02";
        /// その他 (with its text).
        Other = "other", "その他", csv "03";
    }
}

crate::code_enum! {
    /// 初回・再来.
    pub enum ConsultationCount {
        /// 初回.
        First = "first", "初回", csv "01";
        /// 再来.
        Repeat = "repeat", "再来", csv "02";
    }
}

crate::code_enum! {
    /// 本人の現況.
    pub enum Whereabouts {
        /// 在宅.
        Home = "home", "在宅", csv "01";
        /// 入院又は入所中 (with its text).
        Admitted = "admitted", "入院又は入所中", csv "02";
    }
}

crate::code_enum! {
    /// 障害高齢者の日常生活自立度.
    pub enum PhysicalIndependence {
        /// 自立.
        Independent = "independent", "自立", csv "01";
        /// J1.
        J1 = "j1", "J1", csv "11";
        /// J2.
        J2 = "j2", "J2", csv "12";
        /// A1.
        A1 = "a1", "A1", csv "21";
        /// A2.
        A2 = "a2", "A2", csv "22";
        /// B1.
        B1 = "b1", "B1", csv "31";
        /// B2.
        B2 = "b2", "B2", csv "32";
        /// C1.
        C1 = "c1", "C1", csv "41";
        /// C2.
        C2 = "c2", "C2", csv "42";
    }
}

crate::code_enum! {
    /// 認知症高齢者の日常生活自立度.
    pub enum DementiaIndependence {
        /// 自立.
        Independent = "independent", "自立", csv "01";
        /// Ⅰ.
        I = "i", "Ⅰ", csv "02";
        /// Ⅱa.
        IIa = "iia", "Ⅱa", csv "03";
        /// Ⅱb.
        IIb = "iib", "Ⅱb", csv "04";
        /// Ⅲa.
        IIIa = "iiia", "Ⅲa", csv "05";
        /// Ⅲb.
        IIIb = "iiib", "Ⅲb", csv "06";
        /// Ⅳ.
        IV = "iv", "Ⅳ", csv "07";
        /// M.
        M = "m", "M", csv "08";
    }
}

crate::code_enum! {
    /// 要介護状態区分 as the 利用者基本情報 writes it (UPKIHON No.23, No.26: a
    /// list of its own, with 非該当 and without 事業対象者, who is recorded by
    /// the 基本チェックリスト's result).
    pub enum KihonLevel {
        /// 非該当.
        NotApplicable = "not_applicable", "非該当", csv "01";
        /// 要支援１.
        Support1 = "support_1", "要支援１", csv "12";
        /// 要支援２.
        Support2 = "support_2", "要支援２", csv "13";
        /// 要介護１.
        Care1 = "care_1", "要介護１", csv "21";
        /// 要介護２.
        Care2 = "care_2", "要介護２", csv "22";
        /// 要介護３.
        Care3 = "care_3", "要介護３", csv "23";
        /// 要介護４.
        Care4 = "care_4", "要介護４", csv "24";
        /// 要介護５.
        Care5 = "care_5", "要介護５", csv "25";
    }
}

crate::code_enum! {
    /// 本人の住居環境: 自宅・借家 and 一戸建て・集合住宅, as UPKIHON No.34 combines them.
    pub enum Residence {
        /// 自宅.
        Own = "own", "自宅", csv "01";
        /// 借家.
        Rented = "rented", "借家", csv "02";
        /// 一戸建て.
        Detached = "detached", "一戸建て", csv "03";
        /// 集合住宅.
        Apartment = "apartment", "集合住宅", csv "04";
        /// 自宅・一戸建て.
        OwnDetached = "own_detached", "自宅・一戸建て", csv "05";
        /// 自宅・集合住宅.
        OwnApartment = "own_apartment", "自宅・集合住宅", csv "06";
        /// 借家・一戸建て.
        RentedDetached = "rented_detached", "借家・一戸建て", csv "07";
        /// 借家・集合住宅.
        RentedApartment = "rented_apartment", "借家・集合住宅", csv "08";
    }
}

crate::code_enum! {
    /// 現病歴・既往歴の経過.
    pub enum Course {
        /// 治療中.
        Treating = "treating", "治療中", csv "01";
        /// 経過観察中.
        Observing = "observing", "経観中", csv "02";
        /// その他.
        Other = "other", "その他", csv "03";
    }
}
