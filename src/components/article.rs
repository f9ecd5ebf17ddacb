//! The article: headline, standfirst, byline, body, data tables and disclaimer.

use leptos::either::Either;
use leptos::prelude::*;

use crate::components::figure::Figure;
use crate::i18n::{Locale, Piece};
use crate::story::{Passage, Story, Table};

/// The article itself, from headline to disclaimer.
#[component]
pub fn Article(
    /// The story whose article is shown.
    story: &'static Story,
    /// The edition's locale (the byline's words).
    t: &'static Locale,
) -> impl IntoView {
    let byline = story.byline.as_ref().map(|b| {
        let words = t
            .rich("byline", &["name", "role"], &[])
            .into_iter()
            .map(|piece| match piece {
                Piece::Text(text) => Either::Left(text),
                Piece::Slot(0) => {
                    Either::Right(view! { <span class="ex-byline__name">{b.name.as_str()}</span> })
                }
                Piece::Slot(_) => {
                    Either::Right(view! { <span class="ex-byline__role">{b.role.as_str()}</span> })
                }
            })
            .collect_view();
        view! { <p class="ex-byline">{words}</p> }
    });
    view! {
        <article class="ex-article" aria-labelledby="ex-headline">
            <header class="ex-article__header">
                {story.section.as_deref().map(|s| view! { <p class="ex-article__section">{s}</p> })}
                <h1 id="ex-headline" class="ex-article__headline">{story.headline.as_str()}</h1>
                <p class="ex-article__standfirst">{story.standfirst.as_str()}</p>
                {byline}
            </header>
            {story.lead_figure().map(|f| view! { <Figure figure=f lead=true /> })}
            <div class="ex-article__body">
                {story
                    .body
                    .iter()
                    .map(|p| match p {
                        Passage::Text(p) => Either::Left(view! { <p inner_html=p.html.as_str()></p> }),
                        Passage::Figure(slug) => Either::Right(story.figure(slug).map(|f| view! { <Figure figure=f /> })),
                    })
                    .collect_view()}
            </div>
            {story.tables.iter().map(|t| view! { <DataTable table=t /> }).collect_view()}
            {story.disclaimer.as_deref().map(|d| view! { <p class="ex-article__disclaimer">{d}</p> })}
        </article>
    }
}

/// A data table with a caption, column headers and row headers. Wide tables
/// scroll inside a focusable, labelled region instead of widening the page.
#[component]
pub fn DataTable(
    /// The table to show.
    table: &'static Table,
) -> impl IntoView {
    let caption_id = format!("ex-table-{}", table.slug);
    let labelled_by = caption_id.clone();
    view! {
        <div
            class="ex-table"
            id=table.slug.as_str()
            role="region"
            aria-labelledby=labelled_by
            tabindex="0"
        >
            <table class="ex-table__table">
                <caption id=caption_id class="ex-table__caption">{table.caption.as_str()}</caption>
                <thead>
                    <tr>
                        {table
                            .columns
                            .iter()
                            .map(|c| view! { <th scope="col">{c.as_str()}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {table
                        .rows
                        .iter()
                        .map(|row| {
                            let (head, rest) = match row.split_first() {
                                Some((head, rest)) => (head.html.as_str(), rest),
                                None => ("", &[][..]),
                            };
                            view! {
                                <tr>
                                    <th scope="row" inner_html=head></th>
                                    {rest
                                        .iter()
                                        .zip(table.columns.iter().skip(1))
                                        .map(|(cell, column)| {
                                            view! { <td data-label=column.as_str() inner_html=cell.html.as_str()></td> }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
