//! 第2表's document types.

use super::{DateRangeDoc, date, period, s};
use crate::forms::kyotaku::{Service, Table2};

crate::document_type! {
    /// 第2表.
    pub struct Table2Doc {
        created_on: String,
        needs: Vec<NeedDoc>,
    }
}

crate::document_type! {
    /// 課題（ニーズ）.
    pub struct NeedDoc {
        text: String,
        long_term_goals: Vec<LongTermGoalDoc>,
    }
}

crate::document_type! {
    /// 長期目標.
    pub struct LongTermGoalDoc {
        text: String,
        period: DateRangeDoc,
        short_term_goals: Vec<ShortTermGoalDoc>,
    }
}

crate::document_type! {
    /// 短期目標.
    pub struct ShortTermGoalDoc {
        text: String,
        period: DateRangeDoc,
        services: Vec<ServiceDoc>,
    }
}

crate::document_type! {
    /// 援助内容.
    pub struct ServiceDoc {
        id: String,
        content: String,
        insured: bool,
        service_type: String,
        provider: ProviderDoc,
        frequency: String,
        period: DateRangeDoc,
    }
}

crate::document_type! {
    /// ※2.
    pub struct ProviderDoc {
        name: String,
        office_number: String,
    }
}

/// The document form of a checked 第2表.
pub(super) fn doc(t2: &Table2) -> Table2Doc {
    Table2Doc {
        created_on: t2.created_on.and_then(date),
        needs: Some(
            t2.needs
                .iter()
                .map(|n| NeedDoc {
                    text: s(&n.text),
                    long_term_goals: Some(
                        n.long_term_goals
                            .iter()
                            .map(|l| LongTermGoalDoc {
                                text: s(&l.text),
                                period: period(l.period),
                                short_term_goals: Some(
                                    l.short_term_goals
                                        .iter()
                                        .map(|g| ShortTermGoalDoc {
                                            text: s(&g.text),
                                            period: period(g.period),
                                            services: Some(
                                                g.services.iter().map(service).collect(),
                                            ),
                                        })
                                        .collect(),
                                ),
                            })
                            .collect(),
                    ),
                })
                .collect(),
        ),
    }
}

fn service(x: &Service) -> ServiceDoc {
    ServiceDoc {
        id: s(&x.id),
        content: s(&x.content),
        insured: Some(x.insured),
        service_type: s(&x.service_type),
        provider: x.provider.as_ref().map(|p| ProviderDoc {
            name: s(&p.name),
            office_number: p.office_number.as_ref().and_then(s),
        }),
        frequency: x.frequency.as_ref().and_then(s),
        period: period(x.period),
    }
}
